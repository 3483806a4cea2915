package hudson;

public final class Launcher$ProcStarter {
}
