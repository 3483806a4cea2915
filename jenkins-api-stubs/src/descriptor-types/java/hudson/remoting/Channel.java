package hudson.remoting;

public class Channel {
}
