package io.jenkins.plugins.snykprovisioning.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpreadsheetQuoteTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd", "'=already", "''+twice"})
    void aFormulaIsWrittenAsTextAndReadBackAsItWas(String value) {
        String cell = SpreadsheetQuote.quote(value);
        assertThat(cell).isEqualTo("'" + value);
        assertThat(SpreadsheetQuote.unquote(cell)).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@example.com", "Org Collaborator", "'quoted' text", "'", "", "a=b", "x-y"})
    void anythingElseIsLeftAsItIs(String value) {
        assertThat(SpreadsheetQuote.quote(value)).isEqualTo(value);
        assertThat(SpreadsheetQuote.unquote(value)).isEqualTo(value);
    }
}
