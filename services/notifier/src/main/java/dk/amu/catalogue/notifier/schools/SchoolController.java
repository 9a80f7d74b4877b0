package dk.amu.catalogue.notifier.schools;

import java.util.List;
import java.util.UUID;

import dk.amu.catalogue.notifier.schools.SchoolAccounts.SchoolWithKey;
import dk.amu.catalogue.notifier.system.NotFoundException;
import dk.amu.catalogue.notifier.system.Secrets;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Schools and their keys: the admin creates, rotates and revokes; a school may rotate its own key. */
@RestController
class SchoolController {

    record NewSchool(@NotBlank String name, @NotBlank @Email String email) {
    }

    private final SchoolRepository schools;

    private final SchoolAccounts accounts;

    SchoolController(SchoolRepository schools, SchoolAccounts accounts) {
        this.schools = schools;
        this.accounts = accounts;
    }

    @Operation(summary = "Create a school (admin token); the answer shows its API key, once")
    @PostMapping("/api/schools")
    @ResponseStatus(HttpStatus.CREATED)
    SchoolWithKey create(@Valid @RequestBody NewSchool body) {
        return accounts.create(body.name(), body.email());
    }

    @Operation(summary = "Every school, newest first (admin token); never a key")
    @GetMapping("/api/schools")
    List<SchoolSummary> list() {
        return accounts.all();
    }

    @Operation(summary = "Disable a school (admin token): its key stops working and its deliveries stop; nothing is deleted")
    @PostMapping("/api/schools/{id}/disable")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void disable(@PathVariable UUID id) {
        accounts.disable(id);
    }

    @Operation(summary = "Give a school a new API key (admin token); the old one stops working at once")
    @PostMapping("/api/schools/{id}/key")
    SchoolWithKey rotate(@PathVariable UUID id) {
        var school = schools.byId(id).orElseThrow(() -> new NotFoundException("no school " + id));
        var key = Secrets.apiKey();
        schools.replaceKey(id, key);
        return new SchoolWithKey(school.id(), school.name(), key);
    }

    @Operation(summary = "Revoke a school's API key (admin token); rotate to give it a new one")
    @DeleteMapping("/api/schools/{id}/key")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        if (!schools.replaceKey(id, null)) {
            throw new NotFoundException("no school " + id);
        }
    }

    @Operation(summary = "Rotate the calling school's own key; the answer shows the new key, once")
    @PostMapping("/api/school/key")
    SchoolWithKey rotateOwn(HttpServletRequest request) {
        var school = schools.byId(Caller.school(request)).orElseThrow();
        var key = Secrets.apiKey();
        schools.replaceKey(school.id(), key);
        return new SchoolWithKey(school.id(), school.name(), key);
    }
}
