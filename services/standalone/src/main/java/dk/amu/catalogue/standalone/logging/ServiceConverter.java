package dk.amu.catalogue.standalone.logging;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** {@code %service} in a Logback pattern: the service a line speaks for, see {@link ServiceLabels}. */
public class ServiceConverter extends ClassicConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return ServiceLabels.label(event.getThreadName(), event.getLoggerName(), event.getMDCPropertyMap());
    }
}
