package dk.amu.catalogue.notifier.portal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import dk.amu.catalogue.notifier.mail.MailTransport;
import dk.amu.catalogue.notifier.system.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code /mail}, the operator's: the mails written to the folder when no SMTP server is configured,
 * newest first. Every school's mail is here, so the page is behind the operator's login
 * ({@link PortalAccess}), and it does not show where on the server the folder is.
 */
@Controller
class MailFolderPage {

    private static final Pattern NAME = Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9a-f]{8}\\.eml");

    private final MailTransport transport;

    MailFolderPage(MailTransport transport) {
        this.transport = transport;
    }

    @GetMapping("/mail")
    String list(Model model) throws IOException {
        List<String> names = List.of();
        if (transport.writesFiles() && Files.isDirectory(transport.directory())) {
            try (var files = Files.list(transport.directory())) {
                names = files.map(p -> p.getFileName().toString()).filter(n -> NAME.matcher(n).matches())
                        .sorted(Comparator.reverseOrder()).limit(500).toList();
            }
        }
        model.addAttribute("writesFiles", transport.writesFiles());
        model.addAttribute("mails", names);
        return "portal/mail";
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
