package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import hudson.security.Permission;
import java.util.List;
import org.springframework.security.core.Authentication;

/** Flattened: really also implements ExtensionPoint and IconSpec. */
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements Describable<CredentialsProvider> {
    /** Lets a user select credentials for use in an item's configuration. */
    public static final Permission USE_ITEM = null;

    public CredentialsProvider() {
        throw new UnsupportedOperationException();
    }

    /**
     * Finds credentials by id for a build: resolves a credentials parameter ({@code ${NAME}}) and sees
     * folder-scoped credentials; it does not record the use (see {@link #track}).
     */
    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run) {
        throw new UnsupportedOperationException();
    }

    public static <C extends IdCredentials> C findCredentialById(String id, Class<C> type, Run<?, ?> run,
            DomainRequirement... domainRequirements) {
        throw new UnsupportedOperationException();
    }

    /** Records that the build used the credentials (shown on the credentials' usage page). */
    @SuppressWarnings("rawtypes")
    public static <C extends Credentials> C track(Run run, C credentials) {
        throw new UnsupportedOperationException();
    }

    /** The credentials {@code item} (or, when null, the whole controller) may use, seen as {@code authentication}. */
    public static <C extends Credentials> List<C> lookupCredentialsInItem(Class<C> type, Item item,
            Authentication authentication, List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException();
    }
}
