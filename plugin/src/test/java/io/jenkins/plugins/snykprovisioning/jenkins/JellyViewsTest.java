package io.jenkins.plugins.snykprovisioning.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class JellyViewsTest {

    static List<Path> jellyFiles() {
        return PluginSources.resources(file -> file.toString().endsWith(".jelly"));
    }

    static List<Path> helpFiles() {
        return PluginSources.resources(file -> file.getFileName().toString().matches("help(-.+)?\\.html"));
    }

    @Test
    void thePluginHasItsDescriptionPageAndViews() {
        assertThat(PluginSources.RESOURCES.resolve("index.jelly")).isRegularFile();
        assertThat(jellyFiles()).hasSizeGreaterThan(1);
        assertThat(helpFiles()).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("jellyFiles")
    void jellyEscapesByDefault(Path jelly) throws Exception {
        // Without this, ${...} expressions are written out unescaped (a cross-site scripting hole).
        assertThat(Files.readString(jelly)).startsWith("<?jelly escape-by-default='true'?>");
    }

    @ParameterizedTest
    @MethodSource("jellyFiles")
    void jellyIsWellFormedXml(Path jelly) throws Exception {
        Document document = PluginSources.parseXml(jelly);
        assertThat(document.getDocumentElement()).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("jellyFiles")
    void localizedTextHasNoParentheses(Path jelly) throws Exception {
        // In ${%Text (more)} Jelly reads "(more)" as message arguments and shows only "Text ".
        assertThat(Files.readString(jelly)).doesNotContainPattern("\\$\\{%[^}]*\\(");
    }

    @ParameterizedTest
    @MethodSource("jellyFiles")
    void jellyWritesNothingUnescapedAndNeedsNoScript(Path jelly) throws Exception {
        // j:out writes its value unescaped; the pages must read the same without JavaScript.
        String text = Files.readString(jelly);
        assertThat(text).doesNotContain("<j:out").doesNotContainPattern("(?i)<script|\\son[a-z]+=");
    }

    @ParameterizedTest
    @MethodSource("jellyFiles")
    void everyAdjunctAViewIncludesIsAScriptOrStyleOfThePlugin(Path jelly) throws Exception {
        NodeList adjuncts = PluginSources.parseXml(jelly).getElementsByTagNameNS("jelly:stapler", "adjunct");
        for (int i = 0; i < adjuncts.getLength(); i++) {
            String name = ((Element) adjuncts.item(i)).getAttribute("includes").replace('.', '/');
            assertThat(List.of(PluginSources.RESOURCES.resolve(name + ".js"), PluginSources.RESOURCES.resolve(name + ".css")))
                    .as("adjunct %s of %s", name, jelly).anyMatch(Files::isRegularFile);
        }
    }

    @Test
    void theBuildSummaryDrawsTheOutcomeAsAnSvgBarWithTheCountsBesideIt() throws Exception {
        Document summary = PluginSources.parseXml(view("ProvisioningSummaryAction/summary.jelly"));

        NodeList svgs = summary.getElementsByTagNameNS(SVG, "svg");
        assertThat(svgs.getLength()).as("the bar and the legend's swatches").isEqualTo(2);
        Element bar = (Element) svgs.item(0);
        assertThat(bar.getAttribute("role")).isEqualTo("img");
        assertThat(bar.getAttribute("aria-label")).isEqualTo("${bar.description}");
        Element segments = forEachOver(bar, "${bar.segments}");
        Element rect = (Element) segments.getElementsByTagNameNS(SVG, "rect").item(0);
        assertThat(rect.getAttribute("x")).isEqualTo("${segment.x}");
        assertThat(rect.getAttribute("width")).isEqualTo("${segment.width}");
        assertThat(rect.getAttribute("fill")).isEqualTo("${segment.color}");
        // Beside the bar, as text: each outcome with its count.
        Element legend = forEachOver((Element) bar.getParentNode(), "${bar.segments}", 1);
        assertThat(legend.getTextContent()).contains("${segment.label}: ${segment.count}");
    }

    @Test
    void theArchivedResultsAreListedOnePerLineAndTheFailedRowsAndThePlanOnlyWhenThereAreAny() throws Exception {
        for (String page : List.of("ProvisioningSummaryAction/summary.jelly", "ProvisioningSummaryAction/index.jelly")) {
            List<Element> links = new ArrayList<>();
            NodeList anchors = PluginSources.parseXml(view(page)).getElementsByTagName("a");
            for (int i = 0; i < anchors.getLength(); i++) {
                Element anchor = (Element) anchors.item(i);
                if (anchor.getAttribute("href").contains("artifact/")) {
                    links.add(anchor);
                }
            }
            assertThat(links).as(page).hasSize(3);
            // Each link is an item of one list, so that they never run together.
            Node results = links.get(0).getParentNode();
            assertThat(results.getParentNode().getNodeName()).isEqualTo("ul");
            for (Element link : links) {
                assertThat(link.getParentNode().getNodeName()).as(page).isEqualTo("li");
            }
            assertThat(links.get(1).getAttribute("href")).endsWith("${it.failedCsv}");
            assertThat(links.get(2).getAttribute("href")).endsWith("${plan.planFile}");
            for (Map.Entry<Element, String> optional : Map.of(links.get(1), "${it.failedCsv != null}",
                    links.get(2), "${plan != null and plan.planFile != null}").entrySet()) {
                Element onlyWhenThere = (Element) optional.getKey().getParentNode().getParentNode();
                assertThat(onlyWhenThere.getLocalName()).as(page).isEqualTo("if");
                assertThat(onlyWhenThere.getAttribute("test")).isEqualTo(optional.getValue());
                assertThat(onlyWhenThere.getParentNode()).as(page).isSameAs(results.getParentNode());
            }
        }
    }

    @Test
    void theRunsPageShowsThePlanAsADiffPerOrgWithItsLimitsAndNotes() throws Exception {
        Document index = PluginSources.parseXml(view("ProvisioningSummaryAction/index.jelly"));

        Element plan = ifTesting(index.getDocumentElement(), "${plan != null}");
        Element orgs = forEachOver(plan, "${plan.orgs}");
        assertThat(orgs.getTextContent()).contains("${org.orgId}", "${org.summary}", "${org.before}");
        Element change = forEachOver(orgs, "${org.changes}");
        assertThat(change.getElementsByTagName("tr").getLength()).as("a table row per change").isEqualTo(1);
        assertThat(change.getTextContent()).contains("${change.sign}", "${change.user}", "${change.description}");
        assertThat(plan.getTextContent()).contains("${plan.limits}", "${plan.notShownNote}", "${plan.description}");
        assertThat(forEachOver(ifTesting(plan, "${plan.refused}"), "${plan.refusals}").getTextContent()).contains("${refusal}");
        assertThat(forEachOver(plan, "${plan.notes}").getTextContent()).contains("${note}");
        // An apply links to the run that made its plan.
        Element origin = (Element) ifTesting(plan, "${origin != null}").getElementsByTagName("a").item(0);
        assertThat(origin.getAttribute("href")).isEqualTo("${rootURL}/${origin.url}");
        assertThat(origin.getTextContent()).isEqualTo("${origin.label}");
    }

    @Test
    void theBuildPageShowsThePlansCountsAndItsFirstRefusal() throws Exception {
        Element plan = ifTesting(PluginSources.parseXml(view("ProvisioningSummaryAction/summary.jelly")).getDocumentElement(),
                "${plan != null}");

        assertThat(plan.getTextContent()).contains("${plan.id}", "${plan.summary}");
        assertThat(ifTesting(plan, "${plan.refused}").getTextContent()).contains("${plan.refusals[0]}");
    }

    @Test
    void theJobPageHasATableOfTheLastRunsWithAColumnPerCount() throws Exception {
        Document jobMain = PluginSources.parseXml(view("ProvisioningHistoryAction/jobMain.jelly"));

        Element table = (Element) jobMain.getElementsByTagName("table").item(0);
        assertThat(table).as("a table").isNotNull();
        Element header = (Element) table.getElementsByTagName("thead").item(0);
        assertThat(header.getTextContent()).contains("${%Build}", "${%Date}", "${%Mode}");
        assertThat(forEachOver(header, "${it.columns}").getTextContent()).contains("${column.title}");
        Element rows = forEachOver((Element) table.getElementsByTagName("tbody").item(0), "${rows}");
        assertThat(forEachOver(rows, "${row.cells}").getTextContent()).contains("${cell}");
        assertThat(((Element) rows.getElementsByTagName("a").item(0)).getAttribute("href")).isEqualTo("${rootURL}/${row.url}");
    }

    @Test
    void theJobFormsNumbersAreEmptyForTheGlobalSettingAndKeepNoLimitsOfTheirOwn() throws Exception {
        Document form = PluginSources.parseXml(view("SnykProvisionUsersStep/config.jelly"));

        for (String field : List.of("concurrency", "maxRetries")) {
            Element number = (Element) entry(form, field).getElementsByTagNameNS("/lib/form", "number").item(0);
            assertThat(number).as(field).isNotNull();
            // No default (blank is the global setting) and no limits but the engine's, which doCheck... reads.
            assertThat(number.getAttributes().getLength()).as(field).isZero();
        }
    }

    @Test
    void theGlobalRegionIsOutsideTheAdvancedSectionAndTheApiUrlOverrideInside() throws Exception {
        Document global = PluginSources.parseXml(view("SnykProvisioningGlobalConfiguration/config.jelly"));

        assertThat(insideAdvanced(entry(global, "region"))).isFalse();
        assertThat(insideAdvanced(entry(global, "apiUrl"))).isTrue();
    }

    private static Element entry(Document view, String field) {
        NodeList entries = view.getElementsByTagNameNS("/lib/form", "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            if (entry.getAttribute("field").equals(field)) {
                return entry;
            }
        }
        throw new AssertionError("No f:entry for " + field);
    }

    /** The first j:when (j:choose) or j:if under {@code parent} whose test is {@code test}. */
    private static Element ifTesting(Element parent, String test) {
        for (String tag : List.of("if", "when")) {
            NodeList conditions = parent.getElementsByTagNameNS("jelly:core", tag);
            for (int i = 0; i < conditions.getLength(); i++) {
                Element condition = (Element) conditions.item(i);
                if (condition.getAttribute("test").equals(test)) {
                    return condition;
                }
            }
        }
        throw new AssertionError("No j:if or j:when testing " + test);
    }

    private static boolean insideAdvanced(Element element) {
        for (Node node = element.getParentNode(); node != null; node = node.getParentNode()) {
            if ("/lib/form".equals(node.getNamespaceURI()) && "advanced".equals(node.getLocalName())) {
                return true;
            }
        }
        return false;
    }

    private static final String SVG = "http://www.w3.org/2000/svg";

    private static Path view(String relativePath) {
        return PluginSources.RESOURCES.resolve("io/jenkins/plugins/snykprovisioning/jenkins").resolve(relativePath);
    }

    private static Element forEachOver(Element parent, String items) {
        return forEachOver(parent, items, 0);
    }

    /** The {@code index}th j:forEach under {@code parent} that iterates over {@code items}. */
    private static Element forEachOver(Element parent, String items, int index) {
        NodeList loops = parent.getElementsByTagNameNS("jelly:core", "forEach");
        int found = 0;
        for (int i = 0; i < loops.getLength(); i++) {
            Element loop = (Element) loops.item(i);
            if (loop.getAttribute("items").equals(items) && found++ == index) {
                return loop;
            }
        }
        throw new AssertionError("No j:forEach number " + index + " over " + items);
    }

    @ParameterizedTest
    @MethodSource("helpFiles")
    void helpIsOneDiv(Path help) throws Exception {
        Document document = PluginSources.parseXml(help);
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("div");
        assertThat(document.getDocumentElement().getTextContent()).isNotBlank();
    }
}
