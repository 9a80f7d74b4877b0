package dk.amu.catalogue.audit.verify;

import java.util.List;

/**
 * @param passed          true when nothing was found
 * @param events          the records read from the topic
 * @param heads           every FKB's chain head, by FKB code
 * @param findings        what was found, in log order, up to the configured number
 * @param findingsNotShown findings beyond those listed
 */
public record VerifyReport(String topic, boolean passed, long events, List<ChainHead> heads, List<Finding> findings,
        long findingsNotShown) {
}
