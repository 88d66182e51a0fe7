package dev.tollgate.examples.todo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reads and validates request input; every rejection is a 400 that says what was expected. */
final class Input {
    static final int MAX_TITLE = 200;
    static final int MAX_NAME = 50;
    static final int MAX_PASSWORD = 200;
    static final int MAX_PAGE = 1000;
    static final int MAX_BATCH = 20;

    private final ObjectMapper mapper;
    private final boolean blankTitleBug;

    Input(ObjectMapper mapper, Config config) {
        this.mapper = mapper;
        this.blankTitleBug = config.has(Bug.BLANK_TITLE);
    }

    ObjectNode object(String body) {
        JsonNode node;
        try {
            node = body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed_json", "expected a JSON object as the request body, but it "
                    + "does not parse: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("malformed_json", "expected a JSON object as the request body, found "
                    + (node == null ? "an empty body" : "a JSON " + node.getNodeType().name().toLowerCase()));
        }
        return (ObjectNode) node;
    }

    /** A required string field, as given (not trimmed). */
    static String requiredString(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.badRequest("missing_" + field,
                    "expected a string field '" + field + "' in the JSON body, found none");
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest("bad_" + field, "expected '" + field + "' to be a JSON string, found a "
                    + value.getNodeType().name().toLowerCase());
        }
        return value.asText();
    }

    String title(ObjectNode body) {
        String title = requiredString(body, "title");
        // blank-title: the check was written with isEmpty(), so "   " gets through.
        boolean blank = blankTitleBug ? title.isEmpty() : title.isBlank();
        if (blank) {
            throw ApiException.badRequest("blank_title",
                    "expected a title with at least one non-whitespace character, found '" + title + "'");
        }
        int length = title.codePointCount(0, title.length());
        if (length > MAX_TITLE) {
            throw ApiException.badRequest("title_too_long", "expected a title of at most " + MAX_TITLE
                    + " characters, found " + length + "; shorten it");
        }
        requireStorable("title", title);
        return title;
    }

    /** The titles of a batch create: a JSON array of 1 to {@link #MAX_BATCH} valid titles. */
    java.util.List<String> titles(ObjectNode body) {
        JsonNode titles = body.get("titles");
        if (titles == null || titles.isNull()) {
            throw ApiException.badRequest("missing_titles",
                    "expected an array field 'titles' in the JSON body, found none");
        }
        if (!titles.isArray() || titles.isEmpty() || titles.size() > MAX_BATCH) {
            throw ApiException.badRequest("bad_titles", "expected 'titles' to be an array of 1 to "
                    + MAX_BATCH + " titles, found " + (titles.isArray() ? titles.size() + " items"
                    : "a JSON " + titles.getNodeType().name().toLowerCase()));
        }
        java.util.List<String> out = new java.util.ArrayList<>(titles.size());
        for (JsonNode title : titles) {
            out.add(title(mapper.createObjectNode().set("title", title)));
        }
        return out;
    }

    static String name(ObjectNode body) {
        String name = requiredString(body, "name");
        int length = name.codePointCount(0, name.length());
        if (name.isBlank() || length > MAX_NAME) {
            throw ApiException.badRequest("bad_name", "expected a name of 1 to " + MAX_NAME
                    + " characters, not only whitespace, found " + length + " characters");
        }
        requireStorable("name", name);
        if (name.codePoints().anyMatch(Character::isISOControl)) {
            throw ApiException.badRequest("bad_name", "expected a name without control characters");
        }
        return name;
    }

    static String password(ObjectNode body) {
        String password = requiredString(body, "password");
        if (password.isEmpty() || password.length() > MAX_PASSWORD) {
            throw ApiException.badRequest("bad_password", "expected a password of 1 to " + MAX_PASSWORD
                    + " characters, found " + password.length());
        }
        return password;
    }

    /** An optional boolean field; absent gives null, anything but true/false is a 400. */
    static Boolean optionalBoolean(ObjectNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest("bad_" + field, "expected '" + field + "' to be true or false, found "
                    + value);
        }
        return value.booleanValue();
    }

    static long id(String raw) {
        try {
            return Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_id", "expected a numeric todo id such as /todos/42, found '"
                    + raw + "'");
        }
    }

    static int queryInt(String raw, String name, int min, int max, int fallback) {
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the value that was found
        }
        throw ApiException.badRequest("bad_" + name, "expected ?" + name + "= to be a whole number from " + min
                + " to " + max + ", found '" + raw + "'");
    }

    /** PostgreSQL text cannot hold NUL, and a lone surrogate has no UTF-8 form. */
    private static void requireStorable(String field, String value) {
        String problem = unstorable(value);
        if (problem != null) {
            throw ApiException.badRequest("bad_" + field, "expected " + field + " " + problem);
        }
    }

    /** True when PostgreSQL can store the text as given. */
    static boolean storable(String value) {
        return unstorable(value) == null;
    }

    private static String unstorable(String value) {
        if (value.indexOf('\u0000') >= 0) {
            return "without NUL characters (\\u0000), found one; remove it";
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (Character.isHighSurrogate(ch) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(ch)) {
                return "to be valid Unicode, found an unpaired surrogate at index " + i;
            }
        }
        return null;
    }
}
