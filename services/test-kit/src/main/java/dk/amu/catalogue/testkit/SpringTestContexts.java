package dk.amu.catalogue.testkit;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Remembers the test classes whose Spring contexts Spring's test cache holds, so the test-kit can
 * close those contexts when the run ends while the broker and the database still answer. Left to
 * the JVM's shutdown hook, they would close after the infrastructure and wait out every producer's
 * and consumer's timeouts against a broker that is gone. Registered for every Spring test on the
 * test-kit's classpath through {@code META-INF/spring.factories}.
 */
public final class SpringTestContexts implements TestExecutionListener, Ordered {

    private static final Logger log = LoggerFactory.getLogger(SpringTestContexts.class);

    private static final List<TestContext> seen = new ArrayList<>();

    @Override
    public void beforeTestClass(TestContext testContext) {
        synchronized (seen) {
            seen.add(testContext);
        }
    }

    /** Closes every cached context a test class used; a context shared by several classes closes once. */
    static void closeAll() {
        List<TestContext> contexts;
        synchronized (seen) {
            contexts = List.copyOf(seen);
            seen.clear();
        }
        for (int i = contexts.size() - 1; i >= 0; i--) {
            var context = contexts.get(i);
            try {
                context.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
            }
            catch (RuntimeException ex) {
                log.warn("Could not close the Spring context of {}: {}", context.getTestClass().getName(), ex.toString());
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
