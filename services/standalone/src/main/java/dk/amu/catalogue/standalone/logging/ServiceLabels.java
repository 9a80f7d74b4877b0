package dk.amu.catalogue.standalone.logging;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Which service a log line speaks for, in a process that runs every service under one logging
 * system. Logback is configured once per JVM, so a name taken from a service's settings would label
 * every service's lines alike; the label comes from the line itself instead, first match wins:
 * <ol>
 * <li>the MDC entry {@value #MDC_KEY}, for work a service does on a thread it shares;</li>
 * <li>the logger, where it is a service's own code ({@code dk.amu.catalogue.ingest...});</li>
 * <li>the thread: a service's threads start with its name ({@code ingest-start},
 * {@code projections-events-0-C-1}, {@code notifier-scheduling-1}, {@code projections-db housekeeper}),
 * its Tomcat connector's threads carry its port ({@code http-nio-127.0.0.1-8082-exec-1});</li>
 * <li>otherwise {@value #INFRASTRUCTURE}: the broker, the registry, the database, the Kafka clients'
 * own threads, and the runtime that starts them.</li>
 * </ol>
 */
public final class ServiceLabels {

    public static final String MDC_KEY = "catalogue.service";

    public static final String INFRASTRUCTURE = "infrastructure";

    private static final String SERVICE_PACKAGES = "dk.amu.catalogue.";

    /** Tomcat names a connector's threads {@code http-nio[-address]-port-...}. */
    private static final Pattern CONNECTOR_THREAD = Pattern.compile("https?-(?:jsse-|openssl-)?nio2?-(?:.+-)?(\\d+)-.*");

    private static final List<String> services = new CopyOnWriteArrayList<>();

    private static final Map<String, String> servicesByThreadPrefix = new ConcurrentHashMap<>();

    private static final Map<Integer, String> servicesByPort = new ConcurrentHashMap<>();

    private ServiceLabels() {
    }

    /** Registers a service, its HTTP port and the prefixes of threads it names without its own name. */
    public static void register(String service, int port, List<String> threadPrefixes) {
        if (!services.contains(service)) {
            services.add(service);
        }
        servicesByThreadPrefix.put(service + "-", service);
        threadPrefixes.forEach(prefix -> servicesByThreadPrefix.put(prefix, service));
        servicesByPort.put(port, service);
    }

    static String label(String threadName, String loggerName, Map<String, String> mdc) {
        var fromMdc = mdc == null ? null : mdc.get(MDC_KEY);
        if (fromMdc != null) {
            return fromMdc;
        }
        var fromLogger = fromLogger(loggerName);
        if (fromLogger != null) {
            return fromLogger;
        }
        var fromThread = fromThread(threadName);
        return fromThread != null ? fromThread : INFRASTRUCTURE;
    }

    private static String fromLogger(String loggerName) {
        if (loggerName == null || !loggerName.startsWith(SERVICE_PACKAGES)) {
            return null;
        }
        for (var service : services) {
            if (loggerName.startsWith(SERVICE_PACKAGES + service + ".")) {
                return service;
            }
        }
        return null;
    }

    private static String fromThread(String threadName) {
        if (threadName == null) {
            return null;
        }
        for (var prefix : servicesByThreadPrefix.entrySet()) {
            if (threadName.startsWith(prefix.getKey())) {
                return prefix.getValue();
            }
        }
        var connector = CONNECTOR_THREAD.matcher(threadName);
        return connector.matches() ? servicesByPort.get(Integer.parseInt(connector.group(1))) : null;
    }
}
