package hudson;

public abstract class Proc {
}
