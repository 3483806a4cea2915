package hudson.model;

/**
 * The metadata and configuration of a describable type. Flattened: really also implements Loadable,
 * Saveable and OnMaster. The form-binding {@code configure(StaplerRequest2, JSONObject)} is not declared:
 * Stapler's jakarta request type is not on Maven Central.
 */
public abstract class Descriptor<T extends Describable<T>> {
    protected Descriptor(Class<? extends T> clazz) {
        throw new UnsupportedOperationException();
    }

    protected Descriptor() {
        throw new UnsupportedOperationException();
    }

    public String getDisplayName() {
        throw new UnsupportedOperationException();
    }

    public synchronized void load() {
        throw new UnsupportedOperationException();
    }

    public synchronized void save() {
        throw new UnsupportedOperationException();
    }
}
