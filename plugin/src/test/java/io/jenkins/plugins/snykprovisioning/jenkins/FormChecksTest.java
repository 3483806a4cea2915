package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.snykprovisioning.jenkins.FieldCheck.Kind;
import org.junit.jupiter.api.Test;

/** What the forms say beside each field, as the descriptors' check methods show it. */
class FormChecksTest {

    @Test
    void anEmptyFormAsksForUsersWithANoteNotAnError() {
        FieldCheck empty = FormChecks.usersFile("", "");

        assertThat(empty.kind()).isEqualTo(Kind.NOTE);
        assertThat(empty.message()).isEqualTo("Give a user file, or users as CSV text under Advanced");
        assertThat(FormChecks.usersFile(null, null)).isEqualTo(empty);
    }

    @Test
    void usersComeFromAFileOrFromTextButNotBoth() {
        assertThat(FormChecks.usersFile("users.csv", "")).isEqualTo(FieldCheck.OK);
        assertThat(FormChecks.usersFile("", "email\nerin@example.com")).isEqualTo(FieldCheck.OK);
        assertThat(FormChecks.usersFile("users.csv", "email\nerin@example.com"))
                .isEqualTo(FieldCheck.error("Set either usersFile or users, not both"));
        assertThat(FormChecks.usersFile("../users.csv", null).kind()).isEqualTo(Kind.ERROR);
        assertThat(FormChecks.usersFile("${USERS_FILE}", null)).isEqualTo(FieldCheck.OK);
    }

    @Test
    void concurrencyIsEmptyForTheGlobalSettingOrWithinTheEnginesLimits() {
        for (String fine : new String[] {"", " ", null, "1", "10", "50", " 7 "}) {
            assertThat(FormChecks.concurrency(fine)).as("'%s'", fine).isEqualTo(FieldCheck.OK);
        }
        for (String wrong : new String[] {"0", "51", "99", "-1", "ten", "2.5"}) {
            assertThat(FormChecks.concurrency(wrong)).as("'%s'", wrong).isEqualTo(
                    FieldCheck.error("A whole number from 1 to 50; leave it empty for the global setting"));
        }
    }

    @Test
    void retriesAreEmptyForTheGlobalSettingZeroForNoneOrWithinTheEnginesLimits() {
        assertThat(FormChecks.maxRetries("")).isEqualTo(FieldCheck.OK);
        assertThat(FormChecks.maxRetries("10")).isEqualTo(FieldCheck.OK);
        FieldCheck none = FormChecks.maxRetries("0");
        assertThat(none.kind()).isEqualTo(Kind.NOTE);
        assertThat(none.message()).startsWith("No retries:");
        for (String wrong : new String[] {"11", "-1", "many"}) {
            assertThat(FormChecks.maxRetries(wrong)).as("'%s'", wrong).isEqualTo(
                    FieldCheck.error("A whole number from 0 to 10; leave it empty for the global setting"));
        }
    }

    @Test
    void theGlobalRegionSaysWhenAnApiUrlOverrideReplacesIt() {
        assertThat(FormChecks.regionUnder(null)).isEqualTo(FieldCheck.OK);
        assertThat(FormChecks.regionUnder(" ")).isEqualTo(FieldCheck.OK);
        assertThat(FormChecks.regionUnder("http://127.0.0.1:8089")).isEqualTo(FieldCheck.warning(
                "Not used: the API URL override http://127.0.0.1:8089 (under Advanced) is called instead of this region's API"));
    }

    @Test
    void idsOfTheWrongShapeAreWarnedAbout() {
        assertThat(FormChecks.snykId("my-org").kind()).isEqualTo(Kind.WARNING);
        assertThat(FormChecks.snykId("${ORG}")).isEqualTo(FieldCheck.OK);
        assertThat(FormChecks.snykId("20000000-0000-4000-8000-000000000001")).isEqualTo(FieldCheck.OK);
    }

    @Test
    void theRemovalLimitIsCheckedWithTheEnginesParserAndItsMessage() {
        for (String fine : new String[] {"", null, "10%", "0", "25", " 100% ", "${MAX_REMOVALS}"}) {
            assertThat(FormChecks.maxRemovals(fine)).as("'%s'", fine).isEqualTo(FieldCheck.OK);
        }
        assertThat(FormChecks.maxRemovals("ten"))
                .isEqualTo(FieldCheck.error("The removal limit must look like 10% or 25, got 'ten'"));
        assertThat(FormChecks.maxRemovals("101%").kind()).isEqualTo(Kind.ERROR);
        assertThat(FormChecks.maxRemovals("-3").message()).startsWith("The removal limit must be a count of at least 0");
    }

    @Test
    void theLeastNumberOfOrgAdminsIsAWholeNumberAndZeroIsSaidToBeNoMinimum() {
        assertThat(FormChecks.minAdmins("")).isEqualTo(FieldCheck.OK);
        assertThat(FormChecks.minAdmins("2")).isEqualTo(FieldCheck.OK);
        assertThat(FormChecks.minAdmins("0"))
                .isEqualTo(FieldCheck.note("No minimum: a plan may remove or downgrade every Org Admin of an org"));
        assertThat(FormChecks.minAdmins("-1"))
                .isEqualTo(FieldCheck.error("The least number of Org Admins must not be negative, got -1"));
        assertThat(FormChecks.minAdmins("one")).isEqualTo(FieldCheck.error("A whole number of at least 0; leave it empty for 1"));
    }

    @Test
    void protectedUsersThatAreNotEmailAddressesAreWarnedAbout() {
        assertThat(FormChecks.protectedUsers("root@example.com, sre@example.com\nops@example.com")).isEqualTo(FieldCheck.OK);
        assertThat(FormChecks.protectedUsers(null)).isEqualTo(FieldCheck.OK);
        assertThat(FormChecks.protectedUsers("${ADMINS}")).isEqualTo(FieldCheck.OK);
        assertThat(FormChecks.protectedUsers("root@example.com; root ops"))
                .isEqualTo(FieldCheck.warning("Not email addresses, so they protect no one: ops, root"));
    }
}
