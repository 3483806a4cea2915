package io.jenkins.plugins.snykprovisioning.jenkins;

import java.io.IOException;

/** Where the run gets its Snyk API token: from credentials, by id, for the build that runs. */
interface SnykCredentials {

    /**
     * The token held by the credentials {@code credentialsId} names (an id, or a {@code ${PARAM}}
     * reference to a credentials parameter). Never printed; fails naming the id when there is none.
     */
    String token(String credentialsId) throws IOException;
}
