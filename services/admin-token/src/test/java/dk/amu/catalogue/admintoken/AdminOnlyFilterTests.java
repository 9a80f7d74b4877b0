package dk.amu.catalogue.admintoken;

import java.net.URI;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class AdminOnlyFilterTests {

    private static final URI TYPE = URI.create("https://amu-catalogue.invalid/problems/unauthorized");

    @Test
    void shouldLetReadsAndTheRightTokenThroughAndRefuseTheRestWithProblemDetails() throws Exception {
        var filter = new AdminOnlyFilter(AdminToken.of("  s3cret \n"), TYPE, "uploads");

        assertThat(call(filter, "GET", "/api/fkbs", null).getStatus()).isEqualTo(200);
        assertThat(call(filter, "POST", "/actuator/refresh", null).getStatus()).as("only /api/ is guarded").isEqualTo(200);
        assertThat(call(filter, "POST", "/api/fkbs/x/documents", "Bearer s3cret").getStatus()).isEqualTo(200);

        var missing = call(filter, "POST", "/api/fkbs/x/documents", null);
        assertThat(missing.getStatus()).isEqualTo(401);
        assertThat(missing.getHeader("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(missing.getContentType()).startsWith("application/problem+json");
        var body = JsonMapper.builder().build().readTree(missing.getContentAsString());
        assertThat(body.get("type").asString()).isEqualTo(TYPE.toString());
        assertThat(body.get("status").asInt()).isEqualTo(401);
        assertThat(body.get("detail").asString()).contains("Authorization: Bearer <token>");
        assertThat(body.get("instance").asString()).isEqualTo("/api/fkbs/x/documents");

        var wrong = call(filter, "DELETE", "/api/x\"y", "Bearer guess");
        assertThat(wrong.getStatus()).isEqualTo(401);
        var wrongBody = JsonMapper.builder().build().readTree(wrong.getContentAsString());
        assertThat(wrongBody.get("detail").asString()).isEqualTo("the admin token is not valid");
        assertThat(wrongBody.get("instance").asString()).as("escaped, not spliced").isEqualTo("/api/x\"y");
        assertThat(wrong.getContentAsString()).doesNotContain("guess").doesNotContain("s3cret");
    }

    @Test
    void shouldRefuseEveryWriteWhenNoTokenIsSetAndSaySo() throws Exception {
        var filter = new AdminOnlyFilter(AdminToken.of(" "), TYPE, "rebuilds");
        assertThat(AdminToken.of(null).isConfigured()).isFalse();
        var refused = call(filter, "POST", "/api/admin/rebuild", "Bearer ");
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getContentAsString()).contains("rebuilds are disabled", "CATALOGUE_ADMIN_TOKEN");
        assertThat(AdminToken.of("x").toString()).doesNotContain("x]").isEqualTo("AdminToken[set]");
    }

    @Test
    void shouldGuardTheReadsOfTheGivenPathsAndNothingMoreThanBefore() throws Exception {
        var filter = new AdminOnlyFilter(AdminToken.of("s3cret"), TYPE, "dead-letter views")
                .guardingReadsOf("/api/admin/dead-letters");

        var list = call(filter, "GET", "/api/admin/dead-letters", null);
        assertThat(list.getStatus()).isEqualTo(401);
        assertThat(list.getContentType()).startsWith("application/problem+json");
        assertThat(call(filter, "GET", "/api/admin/dead-letters/0/17", "Bearer guess").getStatus()).isEqualTo(401);
        assertThat(call(filter, "HEAD", "/api/admin/dead-letters/0/17", null).getStatus()).isEqualTo(401);
        assertThat(call(filter, "GET", "/api/admin/dead-letters/0/17", "Bearer s3cret").getStatus()).isEqualTo(200);
        assertThat(call(filter, "GET", "/api/admin/dead-letters-report", null).getStatus())
                .as("a path segment, not a string prefix").isEqualTo(200);
        assertThat(call(filter, "GET", "/api/fkbs", null).getStatus()).as("other reads stay open").isEqualTo(200);
        assertThat(call(filter, "GET", "/api/admin/rebuild", null).getStatus()).isEqualTo(200);
        assertThat(call(filter, "POST", "/api/admin/rebuild", null).getStatus()).as("writes stay guarded").isEqualTo(401);
        assertThat(call(new AdminOnlyFilter(AdminToken.of(null), TYPE, "dead-letter views").guardingReadsOf("/api/admin/x"),
                "GET", "/api/admin/x", "Bearer s3cret").getContentAsString()).contains("dead-letter views are disabled");
    }

    private static MockHttpServletResponse call(AdminOnlyFilter filter, String method, String uri, String authorization)
            throws Exception {
        var request = new MockHttpServletRequest(method, uri);
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
