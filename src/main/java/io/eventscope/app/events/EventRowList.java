package io.eventscope.app.events;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.collections.ObservableListBase;

/**
 * The Events table's items: a list as long as the matching log whose rows are read from the
 * store a page at a time, when the table first asks for them. Only the most recently used
 * pages stay in memory, and when scrolling outruns the store only the pages asked for last
 * are read. Lives on the FX thread; reading happens through the {@link PageLoader}.
 */
final class EventRowList extends ObservableListBase<EventRow> {
    static final int PAGE_SIZE = 500;
    private static final int CACHED_PAGES = 40;
    /** Requests beyond these many are dropped (oldest first): the table has scrolled past them. */
    private static final int MAX_WAITING = 4;

    /** Reads rows in the background and hands them back on the FX thread. */
    interface PageLoader {
        /**
         * Reads up to {@code count} matching events from {@code fromPosition} on; calls
         * {@code onLoaded} with them, or {@code onFailed} when reading failed.
         */
        void load(long fromPosition, int count, Consumer<List<EventSummary>> onLoaded, Runnable onFailed);
    }

    private static final class Page {
        final int number;
        final List<EventRow> rows = new ArrayList<>();

        Page(int number) {
            this.number = number;
        }
    }

    private final RowPositions positions;
    private final PageLoader loader;
    private final Map<Integer, Page> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Page> eldest) {
            return size() > CACHED_PAGES;
        }
    };
    private final Deque<Page> waiting = new ArrayDeque<>();
    private boolean reading;

    EventRowList(RowPositions positions, PageLoader loader) {
        this.positions = positions;
        this.loader = loader;
    }

    @Override
    public int size() {
        return positions.size();
    }

    @Override
    public EventRow get(int index) {
        Objects.checkIndex(index, size());
        int number = index / PAGE_SIZE;
        int offset = index % PAGE_SIZE;
        Page page = cache.get(number);
        if (page == null || offset >= page.rows.size()) {
            page = request(number);
        }
        return page.rows.get(offset);
    }

    /** The row showing a global position, -1 when it is not in the list. */
    int rowOf(long position) {
        return positions.rowOf(position);
    }

    /** Adds events that arrived live (already matched and summarized); the table grows at the end. */
    void append(List<EventSummary> arrived) {
        if (arrived.isEmpty()) {
            return;
        }
        int from = size();
        for (EventSummary s : arrived) {
            int row = size();
            positions.append(s.position());
            Page page = cache.get(row / PAGE_SIZE);
            if (page != null && page.rows.size() == row % PAGE_SIZE) {
                page.rows.add(new EventRow(s));
            }
        }
        beginChange();
        nextAdd(from, size());
        endChange();
    }

    private Page request(int number) {
        Page page = new Page(number);
        int first = number * PAGE_SIZE;
        int end = Math.min(size(), first + PAGE_SIZE);
        for (int row = first; row < end; row++) {
            page.rows.add(new EventRow(positions.at(row)));
        }
        cache.put(number, page);
        waiting.addLast(page);
        while (waiting.size() > MAX_WAITING) {
            Page dropped = waiting.pollFirst();
            cache.remove(dropped.number, dropped);
        }
        readNext();
        return page;
    }

    private void readNext() {
        if (reading || waiting.isEmpty()) {
            return;
        }
        Page page = waiting.pollLast();
        reading = true;
        loader.load(page.rows.get(0).position(), page.rows.size(), loaded -> {
            fill(page, loaded);
            reading = false;
            readNext();
        }, () -> {
            cache.remove(page.number, page);
            reading = false;
            readNext();
        });
    }

    /** Both lists are in position order: walk them together. */
    private static void fill(Page page, List<EventSummary> loaded) {
        int next = 0;
        for (EventRow row : page.rows) {
            while (next < loaded.size() && loaded.get(next).position() < row.position()) {
                next++;
            }
            if (next < loaded.size() && loaded.get(next).position() == row.position()) {
                row.fill(loaded.get(next));
            }
        }
    }
}
