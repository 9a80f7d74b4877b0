package dk.amu.catalogue.projections.dashboard;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dk.amu.catalogue.projections.ProjectionsTest;
import dk.amu.catalogue.projections.support.Api;
import dk.amu.catalogue.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dk.amu.catalogue.projections.dashboard.DashboardTimeline.VIDEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every dashboard page checked by axe-core in the same headless Chromium a person's browser would
 * be, after its scripts ran (charts drawn, htmx loaded) and with the charts' tables opened: no
 * violation a screen-reader or low-vision user would be stopped by (impact serious or critical). Static HTML checks miss computed colours
 * and the DOM the scripts leave behind; this sees both.
 */
@ProjectionsTest
class DashboardAccessibilityTests {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    Browser browser;

    @BeforeEach
    void openTheBrowser() {
        DashboardTimeline.ensureDriven(clock, new Api(port));
        clock.setTo(LocalDate.of(2025, 9, 2));
        browser = Browser.open(port);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "/", "/?lang=en", "/changes", "/changes?lang=en", "/fkbs/" + VIDEN + "?asOf=2025-06-01",
            "/fkbs/" + VIDEN + "?lang=en", "/courses/47299", "/courses/47299?lang=en", "/fkbs/no-such-fkb",
            "/fkbs/no-such-fkb?lang=en" })
    void shouldHaveNoSeriousOrCriticalAccessibilityViolations(String page) {
        browser.get(page);
        await().atMost(Duration.ofSeconds(30)).until(() -> Boolean.TRUE.equals(browser.script(
                "return document.readyState === 'complete' && typeof htmx !== 'undefined'"
                        + " && Array.from(document.querySelectorAll('canvas')).every(c => !!Chart.getChart(c))")));
        // the charts' data tables too, as a person who opens them sees them
        browser.script("document.querySelectorAll('details').forEach(details => details.open = true)");

        var results = new AxeBuilder().analyze(browser.driver());

        assertThat(results.isErrored()).as("axe-core ran on %s: %s", page, results.getErrorMessage()).isFalse();
        assertThat(results.getPasses()).as("rules axe-core checked and passed on %s", page).isNotEmpty();
        var blocking = results.getViolations().stream().filter(rule -> BLOCKING.contains(rule.getImpact())).toList();
        assertThat(blocking).withFailMessage("serious or critical violations on %s:%n%s", page, describe(blocking)).isEmpty();
    }

    private static String describe(List<Rule> violations) {
        return violations.stream()
                .map(rule -> "  " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " (" + rule.getHelpUrl()
                        + ")\n" + rule.getNodes().stream().map(node -> "    " + node.getTarget() + " " + node.getHtml())
                                .collect(Collectors.joining("\n")))
                .collect(Collectors.joining("\n"));
    }
}
