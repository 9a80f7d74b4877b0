package dk.amu.catalogue.notifier.webhooks;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dk.amu.catalogue.eventlog.CatalogueZone;
import dk.amu.catalogue.notifier.outbox.DeliveryAttempts.DeliveryDetail;
import dk.amu.catalogue.notifier.outbox.DeliveryAttempts;
import dk.amu.catalogue.notifier.outbox.DeliveryViews.DeliveryView;
import dk.amu.catalogue.notifier.outbox.DeliveryViews;
import dk.amu.catalogue.notifier.schools.Caller;
import dk.amu.catalogue.notifier.system.InvalidRequestException;
import dk.amu.catalogue.notifier.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A school's deliveries: recent ones, dead ones, what each attempt came to, and sending dead ones again. */
@RestController
class DeliveryController {

    record Redriven(int count) {
    }

    private static final Set<String> STATUSES = Set.of("PENDING", "DELIVERED", "DEAD");

    private final DeliveryViews deliveries;

    private final DeliveryAttempts attempts;

    private final Redrives redrives;

    DeliveryController(DeliveryViews deliveries, DeliveryAttempts attempts, Redrives redrives) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.redrives = redrives;
    }

    @Operation(summary = "The calling school's deliveries, newest first; status=DEAD lists the dead letters; "
            + "before=<id> gives the page after the one whose last delivery had that id")
    @GetMapping("/api/deliveries")
    List<DeliveryView> list(@RequestParam Optional<String> status, @RequestParam Optional<UUID> subscription,
            @RequestParam Optional<Long> before, @RequestParam(defaultValue = "100") int limit, HttpServletRequest request) {
        var wanted = status.map(s -> s.toUpperCase(Locale.ROOT));
        if (wanted.isPresent() && !STATUSES.contains(wanted.get())) {
            throw new InvalidRequestException("status must be one of " + STATUSES.stream().sorted().toList());
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit must be between 1 and 1000");
        }
        return deliveries.ofSchool(Caller.school(request), wanted, subscription, before, limit);
    }

    @Operation(summary = "One delivery with its attempts, newest first, and when it is tried next while pending")
    @GetMapping("/api/deliveries/{id}")
    DeliveryDetail detail(@PathVariable long id, HttpServletRequest request) {
        return attempts.detail(Caller.school(request), id).orElseThrow(() -> new NotFoundException("you have no delivery " + id));
    }

    @Operation(summary = "Send one dead delivery again, from its first attempt")
    @PostMapping("/api/deliveries/{id}/redrive")
    Redriven redrive(@PathVariable long id, HttpServletRequest request) {
        if (!redrives.one(Caller.school(request), id)) {
            throw new NotFoundException("you have no dead delivery " + id);
        }
        return new Redriven(1);
    }

    @Operation(summary = "Send again every dead delivery whose last attempt was on or after a date (Copenhagen)")
    @PostMapping("/api/deliveries/redrive")
    Redriven redriveSince(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
            HttpServletRequest request) {
        return new Redriven(redrives.since(Caller.school(request), CatalogueZone.startOf(since)));
    }
}
