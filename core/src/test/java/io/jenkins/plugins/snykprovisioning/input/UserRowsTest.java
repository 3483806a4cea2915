package io.jenkins.plugins.snykprovisioning.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserRowsTest {

    static List<UserRow> read(String text) throws IOException {
        return read(UserSource.ofText("users.txt", text), InputLimits.DEFAULT);
    }

    static List<UserRow> read(UserSource source, InputLimits limits) throws IOException {
        List<UserRow> rows = new ArrayList<>();
        try (UserRows reader = UserRows.open(source, limits)) {
            UserRow row;
            while ((row = reader.next()) != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    static UserSource bytes(String name, byte[] content) {
        return new UserSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(content);
            }
        };
    }

    @Test
    void csvWithBomCrlfQuotesAndCaseInsensitiveHeaders() throws IOException {
        List<UserRow> rows = read("\uFEFFEmail , ROLE_PUBLIC_ID,Org_Id\r\n"
                + "a@example.com,role-1,org-1\r\n"
                + "\r\n"
                + "\"b@example.com\",\"role, with comma\",\r\n"
                + "  c@example.com  ,,\"org \"\"quoted\"\"\"\r\n");
        assertThat(rows).containsExactly(
                new UserRow(2, "a@example.com", "role-1", "org-1", null, null),
                new UserRow(4, "b@example.com", "role, with comma", null, null, null),
                new UserRow(5, "c@example.com", null, "org \"quoted\"", null, null));
    }

    @Test
    void csvTakesAwayTheApostropheBeforeAFormulaCharacterOnly() throws IOException {
        assertThat(read("email,role,org_id,user_id\n'=a@example.com,'-Developer,'@org,'+u\n'plain@example.com,'Dev,org,u\n"))
                .containsExactly(new UserRow(2, "=a@example.com", "-Developer", "@org", "+u", null),
                        new UserRow(3, "'plain@example.com", "'Dev", "org", "u", null));
    }

    @Test
    void csvRoleColumnHoldsANameAndRolePublicIdWins() throws IOException {
        assertThat(read("email,role\na@example.com,Org Collaborator\n"))
                .containsExactly(new UserRow(2, "a@example.com", "Org Collaborator", null, null, null));
        assertThat(read("email,role,role_public_id\na@example.com,Name,id-1\nb@example.com,Name,\n"))
                .extracting(UserRow::role).containsExactly("id-1", "Name");
    }

    @Test
    void csvLineNumbersFollowMultiLineValuesAndBlankLines() throws IOException {
        List<UserRow> rows = read("email,role\n\"a@example.com\",\"two\nlines\"\n\n\nb@example.com,r\n,,\nc@example.com,r");
        assertThat(rows).extracting(UserRow::line).containsExactly(2, 6, 8);
    }

    @Test
    void csvExtraValuesAreAProblemOfTheRowButTrailingEmptyOnesAreNot() throws IOException {
        List<UserRow> rows = read("email,role_public_id\na@example.com,r1,\nb@example.com,r1,surprise\n");
        assertThat(rows.get(0).problem()).isNull();
        assertThat(rows.get(1).problem()).contains("has 3 values but the header has 2 columns");
    }

    @Test
    void csvMissingValuesAreEmpty() throws IOException {
        assertThat(read("email,role_public_id,org_id\na@example.com\n"))
                .containsExactly(new UserRow(2, "a@example.com", null, null, null, null));
    }

    @Test
    void csvUnknownColumnsAreWarnedAboutOnceAndFailedRowColumnsAreAccepted() throws IOException {
        try (UserRows rows = UserRows.open(UserSource.ofText("u.csv", "email,team,line,error\na@example.com,x,3,boom\n"), InputLimits.DEFAULT)) {
            assertThat(rows.next().email()).isEqualTo("a@example.com");
            assertThat(rows.warnings()).containsExactly(
                    "u.csv line 1: ignoring unknown column(s) team (known: email, role_public_id, role, org_id, user_id)");
        }
    }

    @Test
    void csvWithoutEmailColumnFailsNamingTheHeader() {
        assertThatThrownBy(() -> read("mail,role\na@example.com,r\n"))
                .isInstanceOf(InputFileException.class)
                .hasMessage("users.txt line 1: the header has no 'email' column (found: mail, role); the first line "
                        + "must name the columns, e.g. 'email,role_public_id'");
    }

    @Test
    void csvDuplicateHeaderFails() {
        assertThatThrownBy(() -> read("email,EMAIL\na,b\n")).hasMessageContaining("names the column 'email' twice");
    }

    @Test
    void emptyAndWhitespaceFilesFail() {
        assertThatThrownBy(() -> read("")).isInstanceOf(InputFileException.class).hasMessageContaining("users.txt: is empty");
        assertThatThrownBy(() -> read(" \n\r\n\t")).hasMessageContaining("is empty");
        assertThatThrownBy(() -> read("\uFEFF")).hasMessageContaining("is empty");
    }

    @Test
    void headerOnlyHasNoRows() throws IOException {
        assertThat(read("email,role_public_id\r\n")).isEmpty();
    }

    @Test
    void brokenQuoteFailsWithALine() {
        assertThatThrownBy(() -> read("email,role\na@example.com,r\n\"b@example.com,r\n"))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("is not valid CSV");
    }

    @Test
    void nonUtf8BytesFailNamingTheLine() {
        byte[] latin1 = "email,role\na@example.com,r\nj\u00f6rg@example.com,r\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> read(bytes("latin1.csv", latin1), InputLimits.DEFAULT))
                .isInstanceOf(InputFileException.class)
                .hasMessage("latin1.csv line 3: is not UTF-8 text (save the file with UTF-8 encoding)");
    }

    @Test
    void binaryContentFails() {
        byte[] binary = {'e', 'm', 'a', 'i', 'l', '\n', 0, 1, 2, 3};
        assertThatThrownBy(() -> read(bytes("image.png", binary), InputLimits.DEFAULT))
                .hasMessageContaining("image.png line 2: contains binary data");
    }

    @Test
    void overlongCsvLineFails() {
        String text = "email,role\n" + "a".repeat(200_000) + "@example.com,r\n";
        assertThatThrownBy(() -> read(text)).hasMessageContaining("users.txt line 2: line is longer than 65536 characters");
    }

    @Test
    void overLongCellsAreRowProblemsAndOnlyTheirStartIsKept() throws IOException {
        String email = "x".repeat(59_988) + "@example.com";
        List<UserRow> rows = read("email,role,org_id,user_id\n" + email + ",Developer,o1,\n"
                + "a@example.com," + "R".repeat(5_000) + ",o1,\n" + "b@example.com,Developer,o1," + "u".repeat(1_025) + "\n");

        assertThat(rows.get(0).problem()).isEqualTo("the email has 60000 characters, more than an address may have (254)");
        assertThat(rows.get(0).email()).hasSize(255).startsWith("xxxx").endsWith("\u2026");
        assertThat(rows.get(0).role()).isEqualTo("Developer");
        assertThat(rows.get(1).problem()).isEqualTo("the role has 5000 characters, more than 1024");
        assertThat(rows.get(1).role()).hasSize(1025).endsWith("R\u2026");
        assertThat(rows.get(2).problem()).isEqualTo("the user_id has 1025 characters, more than 1024");

        UserRow json = read("[{\"email\": \"" + email + "\", \"role\": 7}]").get(0);
        assertThat(json.email()).hasSize(255);
        assertThat(json.problem()).as("the file's own problem comes first").isEqualTo("'role' must be text, found a number (7)");
    }

    @Test
    void anAddressOfExactly254CharactersIsKeptWhole() throws IOException {
        String email = "y".repeat(242) + "@example.com";
        assertThat(read("email\n" + email + "\n")).containsExactly(new UserRow(2, email, null, null, null, null));
    }

    @Test
    void limitsOnRowsAndSizeAreReported() {
        StringBuilder text = new StringBuilder("email\n");
        for (int i = 0; i < 20; i++) {
            text.append("u").append(i).append("@example.com\n");
        }
        assertThatThrownBy(() -> read(UserSource.ofText("big.csv", text.toString()), InputLimits.DEFAULT.withMaxRows(10)))
                .hasMessage("big.csv line 12: more than 10 users, the configured limit");
        assertThatThrownBy(() -> read(UserSource.ofText("big.csv", text.toString()), InputLimits.DEFAULT.withMaxChars(100)))
                .hasMessage("big.csv: is larger than the limit of 100 characters");
    }

    @Test
    void jsonArrayOfObjectsWithLines() throws IOException {
        List<UserRow> rows = read("[\n  {\"email\": \"a@example.com\", \"role_public_id\": \"r1\"},\n"
                + "  {\"Email\": \" b@example.com \", \"role\": \"Org Admin\", \"org_id\": \"o2\", \"user_id\": \"u2\"}\n]\n");
        assertThat(rows).containsExactly(
                new UserRow(2, "a@example.com", "r1", null, null, null),
                new UserRow(3, "b@example.com", "Org Admin", "o2", "u2", null));
    }

    @Test
    void jsonOnOneLongLineIsFine() throws IOException {
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < 5000; i++) {
            text.append(i == 0 ? "" : ",").append("{\"email\":\"user").append(i).append("@example.com\"}");
        }
        assertThat(read(text.append("]").toString())).hasSize(5000);
    }

    @Test
    void jsonWrongTypesAndNonObjectsAreRowProblems() throws IOException {
        List<UserRow> rows = read("[{\"email\": 42}, \"c@example.com\", {\"email\": \"d@example.com\", \"role_public_id\": {\"id\": 1}},"
                + " {\"email\": \"e@example.com\", \"org_id\": null}]");
        assertThat(rows.get(0).problem()).isEqualTo("'email' must be text, found a number (42)");
        assertThat(rows.get(1).problem()).isEqualTo("is not a user object but text");
        assertThat(rows.get(2).problem()).isEqualTo("'role_public_id' must be text, found an object");
        assertThat(rows.get(3)).isEqualTo(new UserRow(1, "e@example.com", null, null, null, null));
    }

    @Test
    void jsonObjectTruncatedTrailingCommaAndTrailingGarbageFail() {
        assertThatThrownBy(() -> read("{\"users\": []}")).hasMessageContaining("line 1: expected a JSON array of user objects");
        assertThatThrownBy(() -> read("[\n{\"email\": \"a@example.com\"},\n{\"email\": \"b@exa"))
                .isInstanceOf(InputFileException.class)
                .hasMessage("users.txt line 3: ends in the middle of the JSON (is the file cut short?)");
        assertThatThrownBy(() -> read("[{\"email\": \"a@example.com\"},\n]")).hasMessageContaining("line 2: is not valid JSON");
        assertThatThrownBy(() -> read("[{\"email\": \"a@example.com\"}] [")).hasMessageContaining("more content after the closing ']'");
        assertThatThrownBy(() -> read("[{\"email\": \"a@example.com\"}")).hasMessageContaining("ends in the middle of the JSON");
        assertThatThrownBy(() -> read("[{\"email\": \"a@example.com\", \"email\": \"b@example.com\"}]"))
                .hasMessage("users.txt line 1: is not valid JSON (Duplicate field 'email')");
    }

    @Test
    void jsonUnknownKeysWarnOnce() throws IOException {
        try (UserRows rows = UserRows.open(UserSource.ofText("u.json", "[{\"email\":\"a@example.com\",\"team\":\"x\"},\n{\"email\":\"b@example.com\",\"team\":\"y\"}]"),
                InputLimits.DEFAULT)) {
            while (rows.next() != null) {
                // read all
            }
            assertThat(rows.warnings()).containsExactly("u.json line 1: ignoring unknown key(s) team (known: email, role_public_id, role, org_id, user_id)");
        }
    }

    @Test
    void formatIsToldByContentNotName() throws IOException {
        assertThat(read(UserSource.ofText("users.csv", "[{\"email\":\"a@example.com\"}]"), InputLimits.DEFAULT)).hasSize(1);
        assertThat(read(UserSource.ofText("users.json", "email\na@example.com\n"), InputLimits.DEFAULT)).hasSize(1);
    }

    @Test
    void emailShapes() {
        assertThat(EmailAddress.isValid("first.last+tag@sub.example.co.uk")).isTrue();
        assertThat(EmailAddress.isValid("UPPER@EXAMPLE.COM")).isTrue();
        assertThat(EmailAddress.isValid("no-at-sign")).isFalse();
        assertThat(EmailAddress.isValid("two@@example.com")).isFalse();
        assertThat(EmailAddress.isValid("space in@example.com")).isFalse();
        assertThat(EmailAddress.isValid("a@nodot")).isFalse();
        assertThat(EmailAddress.isValid("a@example.c")).isFalse();
        assertThat(EmailAddress.isValid("a..b@example.com")).isFalse();
        assertThat(EmailAddress.isValid("12345")).isFalse();
    }
}
