package dk.amu.catalogue.notifier.webhooks;

import java.util.UUID;

import dk.amu.catalogue.notifier.schools.Caller;
import dk.amu.catalogue.notifier.webhooks.TestMessages.TestResult;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A school's test message to one of its webhooks; beside the deliveries, since it is sent the way they are. */
@RestController
class TestMessageController {

    private final TestMessages testMessages;

    TestMessageController(TestMessages testMessages) {
        this.testMessages = testMessages;
    }

    @Operation(summary = "Send a signed test message (type dk.amu.catalogue.Test) to the subscription's webhook now and "
            + "answer what the receiver said; nothing is recorded and no delivery waits for it")
    @PostMapping("/api/subscriptions/{id}/test")
    TestResult send(@PathVariable UUID id, HttpServletRequest request) {
        return testMessages.send(Caller.school(request), id);
    }
}
