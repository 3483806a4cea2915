package jenkins.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.net.URI;

/** A file among a build's artifacts, wherever the artifact manager keeps them. */
public abstract class VirtualFile implements Comparable<VirtualFile>, Serializable {
    public VirtualFile() {
        throw new UnsupportedOperationException();
    }

    public abstract String getName();

    public abstract URI toURI();

    public abstract VirtualFile getParent();

    public abstract boolean isDirectory() throws IOException;

    public abstract boolean isFile() throws IOException;

    public abstract boolean exists() throws IOException;

    public abstract VirtualFile[] list() throws IOException;

    public abstract VirtualFile child(String name);

    public abstract long length() throws IOException;

    public abstract long lastModified() throws IOException;

    public abstract boolean canRead() throws IOException;

    public abstract InputStream open() throws IOException;
}
