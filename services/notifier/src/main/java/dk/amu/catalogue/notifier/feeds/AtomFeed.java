package dk.amu.catalogue.notifier.feeds;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;

/** An Atom 1.0 (RFC 4287) feed of text entries, written by Rome. */
final class AtomFeed {

    private final Feed feed = new Feed("atom_1.0");

    private final List<Entry> entries = new ArrayList<>();

    /** {@code id} and each entry's id are what feed readers keep, so they must never change for the same thing. */
    AtomFeed(String id, String title, String author, Instant updated, String self) {
        feed.setId(id);
        feed.setTitle(title);
        feed.setUpdated(Date.from(updated));
        var person = new Person();
        person.setName(author);
        feed.setAuthors(List.of(person));
        var link = new Link();
        link.setRel("self");
        link.setHref(self);
        feed.setOtherLinks(List.of(link));
    }

    AtomFeed entry(String id, String title, Instant updated, String category, String text) {
        var entry = new Entry();
        entry.setId(id);
        entry.setTitle(title);
        entry.setUpdated(Date.from(updated));
        var term = new Category();
        term.setTerm(category);
        entry.setCategories(List.of(term));
        var content = new Content();
        content.setType(Content.TEXT);
        content.setValue(text);
        entry.setContents(List.of(content));
        entries.add(entry);
        return this;
    }

    String end() {
        feed.setEntries(entries);
        try {
            return new WireFeedOutput().outputString(feed);
        }
        catch (FeedException ex) {
            throw new IllegalStateException("Rome refused an Atom feed built from its own types", ex);
        }
    }
}
