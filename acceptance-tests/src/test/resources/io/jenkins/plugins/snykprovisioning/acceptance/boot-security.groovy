// Written by the acceptance harness into JENKINS_HOME/init.groovy.d, run by Jenkins at every boot.
// The Jenkins under test is secured as a real one is: user "admin" (its password is the one the harness
// left in admin-password.txt), nothing readable without logging in, and a new API token for the harness
// in admin-api-token.txt. Both files are readable by their owner only.
import hudson.model.User
import hudson.security.FullControlOnceLoggedInAuthorizationStrategy
import hudson.security.HudsonPrivateSecurityRealm
import java.nio.file.Files
import java.nio.file.StandardCopyOption
import java.nio.file.attribute.PosixFilePermissions
import jenkins.model.Jenkins
import jenkins.security.ApiTokenProperty

def jenkins = Jenkins.get()
def home = jenkins.rootDir.toPath()
def password = Files.readString(home.resolve('admin-password.txt')).trim()

def realm = jenkins.securityRealm instanceof HudsonPrivateSecurityRealm
        ? jenkins.securityRealm : new HudsonPrivateSecurityRealm(false, false, null)
if (realm.getUser('admin') == null) {
    realm.createAccount('admin', password)
}
jenkins.securityRealm = realm
def authorization = new FullControlOnceLoggedInAuthorizationStrategy()
authorization.allowAnonymousRead = false
jenkins.authorizationStrategy = authorization
jenkins.save()

def admin = User.getById('admin', true)
def tokens = admin.getProperty(ApiTokenProperty)
if (tokens == null) {
    tokens = new ApiTokenProperty()
    admin.addProperty(tokens)
}
def token = tokens.tokenStore.generateNewToken('acceptance harness ' + System.currentTimeMillis())
admin.save()

// Written aside and moved into place, so that the harness never reads half a token.
def written = home.resolve('admin-api-token.txt.new')
Files.writeString(written, token.plainValue + '\n')
Files.setPosixFilePermissions(written, PosixFilePermissions.fromString('rw-------'))
Files.move(written, home.resolve('admin-api-token.txt'), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)
println('acceptance harness: user admin ready, API token written to admin-api-token.txt')
