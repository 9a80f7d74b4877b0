package dk.amu.catalogue.notifier.portal;

/**
 * Which part of a long list a page shows: a school may have a thousand subscriptions, and a page
 * that renders them all is slow to load and to read. Pages count from 1; a page past the end shows
 * the last one.
 *
 * @param total how many there are in all
 */
public record Paging(int page, int size, int total) {

    public static Paging of(int requested, int size, int total) {
        int pages = Math.max(1, (total + size - 1) / size);
        return new Paging(Math.min(Math.max(requested, 1), pages), size, total);
    }

    /** A page number as a link or a person wrote it; anything that is not a number is the first page. */
    public static int number(String page) {
        try {
            return Integer.parseInt(page.strip());
        }
        catch (NumberFormatException ex) {
            return 1;
        }
    }

    public int offset() {
        return (page - 1) * size;
    }

    public int pages() {
        return Math.max(1, (total + size - 1) / size);
    }

    /** The number of the first one shown, from 1; 0 when there are none. */
    public int first() {
        return total == 0 ? 0 : offset() + 1;
    }

    public int last() {
        return Math.min(total, offset() + size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }
}
