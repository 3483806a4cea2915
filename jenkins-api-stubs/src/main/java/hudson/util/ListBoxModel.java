package hudson.util;

import java.util.ArrayList;

/** The items of a drop-down list. Flattened: really also implements Stapler's HttpResponse. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    public ListBoxModel() {
        throw new UnsupportedOperationException();
    }

    public void add(String displayName, String value) {
        throw new UnsupportedOperationException();
    }

    public ListBoxModel add(String nameAndValue) {
        throw new UnsupportedOperationException();
    }

    public static final class Option {
        public String name;
        public String value;
        public boolean selected;

        public Option(String name, String value) {
            throw new UnsupportedOperationException();
        }

        public Option(String name) {
            throw new UnsupportedOperationException();
        }

        public Option(String name, String value, boolean selected) {
            throw new UnsupportedOperationException();
        }
    }
}
