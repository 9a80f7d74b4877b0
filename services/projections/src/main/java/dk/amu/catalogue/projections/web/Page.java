package dk.amu.catalogue.projections.web;

import java.util.List;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A list as the API answers it: the items, and the URL of the next page; null on the last page.
 */
public record Page<T>(List<T> items, String next) {

    /** The next URL is this request's, with the cursor of the next page. */
    public static <T> Page<T> of(Slice<T> slice) {
        var next = slice.nextCursor() == null ? null
                : ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("cursor", slice.nextCursor())
                        .build().toUriString();
        return new Page<>(slice.items(), next);
    }
}
