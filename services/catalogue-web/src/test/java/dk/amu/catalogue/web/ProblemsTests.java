package dk.amu.catalogue.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class ProblemsTests {

    @Test
    void shouldTypeEveryProblemUnderTheProjectsOneBase() {
        var problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "no FKB 9999; GET /api/fkbs lists them");

        assertThat(problem.getType()).hasToString("https://amu-catalogue.invalid/problems/not-found");
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getTitle()).isEqualTo("Not found");
        assertThat(problem.getDetail()).isEqualTo("no FKB 9999; GET /api/fkbs lists them");
    }
}
