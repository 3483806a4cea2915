package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.InputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.OpenOption;

/** A file on the controller or an agent. Flattened: really implements SerializableOnlyOverRemoting. */
public final class FilePath implements Serializable {
    /** A file or folder in the controller's file system. */
    public FilePath(File localPath) {
        throw new UnsupportedOperationException();
    }

    public String getRemote() {
        throw new UnsupportedOperationException();
    }

    public String getName() {
        throw new UnsupportedOperationException();
    }

    public FilePath getParent() {
        throw new UnsupportedOperationException();
    }

    public FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException();
    }

    public FilePath absolutize() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    /** True when {@code potentialChildRelativePath} stays inside this directory, symbolic links resolved. */
    public boolean isDescendant(String potentialChildRelativePath) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public boolean delete() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public boolean isDirectory() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public long length() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public void mkdirs() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public InputStream read() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    /** Reads the file; with {@code LinkOption.NOFOLLOW_LINKS} it refuses symbolic links between {@code rootPath} and the file. */
    public InputStream read(FilePath rootPath, OpenOption... openOptions) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public OutputStream write() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public void write(String content, String encoding) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public URI toURI() throws IOException, InterruptedException {
        throw new UnsupportedOperationException();
    }

    public boolean isRemote() {
        throw new UnsupportedOperationException();
    }

    public VirtualChannel getChannel() {
        throw new UnsupportedOperationException();
    }

    /** Work done where the file is. Flattened: really also extends RoleSensitive. */
    public interface FileCallable<T> extends Serializable {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }
}
