package dk.amu.catalogue.notifier.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.regex.Pattern;

import dk.amu.catalogue.notifier.system.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** {@code /mail}: the mails written to the folder when no SMTP server is configured, newest first. */
@RestController
class MailFolderController {

    private static final Pattern NAME = Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9a-f]{8}\\.eml");

    private final MailTransport transport;

    MailFolderController(MailTransport transport) {
        this.transport = transport;
    }

    @GetMapping(value = "/mail", produces = MediaType.TEXT_HTML_VALUE)
    String list() throws IOException {
        var html = new StringBuilder("<!doctype html><html lang=\"da\"><head><meta charset=\"utf-8\"><title>Sendte mails</title>"
                + "</head><body><h1>Sendte mails</h1>");
        if (!transport.writesFiles()) {
            return html.append("<p>Mails sendes med SMTP og gemmes ikke her.</p></body></html>").toString();
        }
        html.append("<p>Ingen SMTP-server er sat op; mails gemmes i ")
                .append(HtmlUtils.htmlEscape(transport.directory().toAbsolutePath().toString())).append("</p><ul>");
        if (Files.isDirectory(transport.directory())) {
            try (var files = Files.list(transport.directory())) {
                files.map(p -> p.getFileName().toString()).filter(n -> NAME.matcher(n).matches())
                        .sorted(Comparator.reverseOrder()).limit(500)
                        .forEach(n -> html.append("<li><a href=\"/mail/").append(n).append("\">").append(n).append("</a></li>"));
            }
        }
        return html.append("</ul></body></html>").toString();
    }

    @GetMapping("/mail/{name}")
    ResponseEntity<String> show(@PathVariable String name) throws IOException {
        var file = transport.directory().resolve(name);
        if (!transport.writesFiles() || !NAME.matcher(name).matches() || !Files.isRegularFile(file)) {
            throw new NotFoundException("no mail " + name);
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(Files.readString(file, StandardCharsets.UTF_8));
    }
}
