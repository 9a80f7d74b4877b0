package dk.amu.catalogue.notifier.mail;

import dk.amu.catalogue.notifier.schools.SchoolRepository;
import dk.amu.catalogue.notifier.webhooks.EndpointDisabled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a school that its webhook endpoint was switched off, and how to switch it on again. */
@Component
class EndpointDisabledMail {

    private static final Logger log = LoggerFactory.getLogger(EndpointDisabledMail.class);

    private final SchoolRepository schools;

    private final MailTransport transport;

    EndpointDisabledMail(SchoolRepository schools, MailTransport transport) {
        this.schools = schools;
        this.transport = transport;
    }

    @EventListener
    void on(EndpointDisabled disabled) {
        schools.byId(disabled.schoolId()).ifPresent(school -> {
            var text = "Hej " + school.name() + "\n\nVi har stoppet leverancerne til jeres webhook " + disabled.webhookUrl()
                    + " (abonnement " + disabled.subscriptionId() + "), fordi " + reason(disabled.reason()) + ".\n\n"
                    + "Ret adressen eller gem abonnementet igen på skolesiden, så sender vi de ventende beskeder.\n";
            try {
                transport.send(school.email(), "AMU-kataloget: jeres webhook er sat på pause", text,
                        "<html><body><pre>" + org.springframework.web.util.HtmlUtils.htmlEscape(text) + "</pre></body></html>");
            }
            catch (RuntimeException ex) {
                log.warn("Could not tell school {} that its endpoint was disabled: {}", school.id(), ex.getMessage());
            }
        });
    }

    private static String reason(String reason) {
        return reason.contains("410") ? "den svarede 410 Gone" : "den har fejlet i flere dage uden et eneste svar med 2xx";
    }
}
