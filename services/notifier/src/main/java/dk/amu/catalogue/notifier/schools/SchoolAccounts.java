package dk.amu.catalogue.notifier.schools;

import java.util.List;
import java.util.UUID;

import dk.amu.catalogue.notifier.system.NotFoundException;
import dk.amu.catalogue.notifier.system.Secrets;
import org.springframework.stereotype.Service;

/**
 * What the operator does with schools, over the API and on the operator's page alike: create one
 * (its key is in the answer and nowhere else, ever), list them, disable one. A disabled school's key
 * stops working and its deliveries stop; nothing of it is deleted.
 */
@Service
public class SchoolAccounts {

    /** A school with its new key: shown once. */
    public record SchoolWithKey(UUID id, String name, String apiKey) {
    }

    private final SchoolRepository schools;

    SchoolAccounts(SchoolRepository schools) {
        this.schools = schools;
    }

    public SchoolWithKey create(String name, String email) {
        var key = Secrets.apiKey();
        var school = schools.create(name.strip(), email.strip(), key);
        return new SchoolWithKey(school.id(), school.name(), key);
    }

    public List<SchoolSummary> all() {
        return schools.all();
    }

    public void disable(UUID school) {
        if (!schools.disable(school) && schools.byId(school).isEmpty()) {
            throw new NotFoundException("no school " + school);
        }
    }
}
