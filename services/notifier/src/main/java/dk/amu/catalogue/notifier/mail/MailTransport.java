package dk.amu.catalogue.notifier.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Properties;
import java.util.UUID;

import dk.amu.catalogue.notifier.system.NotifierProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a mail in Danish, plain text and HTML: through SMTP when {@code spring.mail.host} is set,
 * else as an {@code .eml} file in {@code catalogue.notifier.mail.directory}, which {@code /mail} lists,
 * so a newcomer without a mail server still sees what would have been sent.
 */
@Component
public class MailTransport {

    private static final Logger log = LoggerFactory.getLogger(MailTransport.class);

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final JavaMailSender smtp;

    private final NotifierProperties.Mail settings;

    private final Clock clock;

    MailTransport(ObjectProvider<JavaMailSender> smtp, NotifierProperties properties, Clock clock) {
        this.smtp = smtp.getIfAvailable();
        this.settings = properties.mail();
        this.clock = clock;
        if (this.smtp == null) {
            log.info("No SMTP server is configured (spring.mail.host): mails are written to {} and listed at /mail",
                    settings.directory().toAbsolutePath());
        }
    }

    public boolean writesFiles() {
        return smtp == null;
    }

    public Path directory() {
        return settings.directory();
    }

    public void send(String to, String subject, String text, String html) {
        try {
            var message = smtp != null ? smtp.createMimeMessage() : new MimeMessage(Session.getInstance(new Properties()));
            var helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, html);
            message.setSentDate(java.util.Date.from(clock.instant()));
            if (smtp != null) {
                smtp.send(message);
            }
            else {
                write(message);
            }
        }
        catch (MessagingException ex) {
            throw new IllegalStateException("the mail to " + to + " could not be built: " + ex.getMessage(), ex);
        }
    }

    private void write(MimeMessage message) throws MessagingException {
        try {
            Files.createDirectories(settings.directory());
            var file = settings.directory().resolve(FILE_TIME.format(clock.instant()) + "-"
                    + UUID.randomUUID().toString().substring(0, 8) + ".eml");
            message.saveChanges();
            try (OutputStream out = Files.newOutputStream(file)) {
                message.writeTo(out);
            }
        }
        catch (IOException ex) {
            throw new IllegalStateException("could not write the mail under " + settings.directory() + ": " + ex.getMessage(), ex);
        }
    }
}
