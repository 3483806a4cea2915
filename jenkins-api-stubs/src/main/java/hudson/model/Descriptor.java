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

    /** The view that configures an instance; another class's page may be named (see {@link #getViewPage}). */
    public String getConfigPage() {
        throw new UnsupportedOperationException();
    }

    protected final String getViewPage(Class<?> clazz, String pageName) {
        throw new UnsupportedOperationException();
    }

    /** Serves the help of {@code fieldName} from another describable's help file. */
    @SuppressWarnings("rawtypes")
    protected void addHelpFileRedirect(String fieldName, Class<? extends Describable> owner, String fieldNameToRedirectTo) {
        throw new UnsupportedOperationException();
    }
}
