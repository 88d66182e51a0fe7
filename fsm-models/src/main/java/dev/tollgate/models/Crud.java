package dev.tollgate.models;

import dev.tollgate.check.Expect;
import dev.tollgate.gen.Choices;
import dev.tollgate.gen.Gen;
import dev.tollgate.http.Http;
import dev.tollgate.http.Response;
import dev.tollgate.model.Bundle;
import dev.tollgate.model.Command;
import dev.tollgate.model.CommandSpec;
import dev.tollgate.model.Ref;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A CRUD resource over HTTP as a machine: {@code add_<name>}, {@code get_<name>}, {@code
 * edit_<name>}, {@code delete_<name>} and {@code list_<name>s}, with the model's expectations built
 * in: what was added can be read back, edited and deleted by its owner; others, and everyone after
 * a delete, get 404; a list holds exactly the user's live items, oldest first; invalid input gets
 * 400.
 *
 * <pre>{@code
 * Crud.Resource todos = Crud.resource("todo", "/todos")
 *     .create("title", Gen.strings().ofLength(0, 220), TodoRules::validTitle)
 *     .edit("title", Gen.strings().ofLength(0, 220), TodoRules::validTitle)
 *     .edit("done", Gen.booleans())
 *     .defaults("done", false)
 *     .from(Sessions.LOGGED_IN);
 * }</pre>
 *
 * <p>Ids come from the answers to adds ({@code id} by default) and are kept as references, so
 * later steps reuse them, deleted ones included: delete twice, edit after delete.
 */
public final class Crud {
  private Crud() {}

  public static Resource resource(String name, String path) {
    return new Resource(name, path);
  }

  /** An item as the model knows it: its owner (user index) and its fields. */
  public record Item(int owner, Map<String, Object> fields) {}

  /** The resource's model state: the live items, and every id ever made (deleted ones too). */
  public record Items(Map<Ref<Object>, Item> live, List<Ref<Object>> known) {
    static final Items NONE = new Items(Map.of(), List.of());

    Items add(Ref<Object> ref, Item item) {
      Map<Ref<Object>, Item> next = new LinkedHashMap<>(live);
      next.put(ref, item);
      List<Ref<Object>> all = new ArrayList<>(known);
      all.add(ref);
      return new Items(Collections.unmodifiableMap(next), List.copyOf(all));
    }

    Items put(Ref<Object> ref, Item item) {
      Map<Ref<Object>, Item> next = new LinkedHashMap<>(live);
      next.put(ref, item);
      return new Items(Collections.unmodifiableMap(next), known);
    }

    Items remove(Ref<Object> ref) {
      Map<Ref<Object>, Item> next = new LinkedHashMap<>(live);
      next.remove(ref);
      return new Items(Collections.unmodifiableMap(next), known);
    }

    @Override
    public String toString() {
      return "live=" + live;
    }
  }

  /** One field of a payload: its generator, and which values the API accepts. */
  private record Field(String name, Gen<?> gen, Predicate<Object> valid) {}

  /** The argument of {@code edit_<name>}, shown as {@code item=todo#1, changes={title="milk"}}. */
  public record Edit(Ref<Object> item, Map<String, Object> changes) {}

  /** A resource's configuration and its commands. */
  public static final class Resource {
    private final String name;
    private final String path;
    private final Key<Items> key;
    private final Bundle<World, Ref<Object>> knownIds;
    private final List<Field> createFields = new ArrayList<>();
    private final List<Field> editFields = new ArrayList<>();
    private final Map<String, Object> defaults = new LinkedHashMap<>();
    private String idField = "id";
    private String listItems = "";
    private int created = 201;
    private int ok = 200;
    private int deleted = 204;
    private int notFound = 404;
    private int invalid = 400;
    private boolean owned = true;
    private Object[] from = {};
    private int[] weights = {3, 1, 1, 1, 1};

    private Resource(String name, String path) {
      this.name = Objects.requireNonNull(name, "name");
      this.path = Objects.requireNonNull(path, "path");
      this.key = Key.of(name, Items.NONE);
      this.knownIds = Bundle.of(world -> world.get(key).known());
    }

    /** A field sent when adding, from {@code gen}; values {@code valid} rejects must get 400. */
    public Resource create(String field, Gen<?> gen, Predicate<Object> valid) {
      createFields.add(new Field(field, gen, valid));
      return this;
    }

    public Resource create(String field, Gen<?> gen) {
      return create(field, gen, value -> true);
    }

    /** A field sent when editing (each edit sends every edit field). */
    public Resource edit(String field, Gen<?> gen, Predicate<Object> valid) {
      editFields.add(new Field(field, gen, valid));
      return this;
    }

    public Resource edit(String field, Gen<?> gen) {
      return edit(field, gen, value -> true);
    }

    /** A field the API sets itself at creation, with its value. */
    public Resource defaults(String field, Object value) {
      defaults.put(field, value);
      return this;
    }

    /** The JSON field that holds an item's id (default {@code id}). */
    public Resource idField(String field) {
      this.idField = field;
      return this;
    }

    /** Where the list's items are in its body: a path such as {@code items}, or "" for the body. */
    public Resource listItems(String jsonPath) {
      this.listItems = jsonPath;
      return this;
    }

    public Resource statuses(int created, int ok, int deleted, int notFound, int invalid) {
      this.created = created;
      this.ok = ok;
      this.deleted = deleted;
      this.notFound = notFound;
      this.invalid = invalid;
      return this;
    }

    /** Whether items belong to the user who added them (default) or are shared by everyone. */
    public Resource ownedByUser(boolean owned) {
      this.owned = owned;
      return this;
    }

    /**
     * How often each command is picked relative to the model's others (default add 3, the rest
     * 1: items must exist before they can be read, edited or deleted).
     */
    public Resource weights(int add, int get, int edit, int delete, int list) {
      this.weights = new int[] {add, get, edit, delete, list};
      return this;
    }

    /** The user states the commands run from (e.g. {@code Sessions.LOGGED_IN}). */
    public Resource from(Object... states) {
      this.from = states.clone();
      return this;
    }

    public String name() {
      return name;
    }

    public String path() {
      return path;
    }

    public Key<Items> key() {
      return key;
    }

    /**
     * Every id ever made, deleted ones too, oldest first, as a bundle to draw an argument from:
     * {@code .with(todos.known())} runs only once an id exists.
     */
    public Bundle<World, Ref<Object>> known() {
      return knownIds;
    }

    /** Every id ever made, deleted ones too, oldest first. */
    public List<Ref<Object>> known(World world) {
      return world.get(key).known();
    }

    public boolean live(World world, Ref<?> item) {
      return world.get(key).live().containsKey(item);
    }

    /** Whether {@code user} may see {@code item}: it is live and theirs (or shared). */
    public boolean visible(World world, Ref<?> item, int user) {
      Item found = world.get(key).live().get(item);
      return found != null && (!owned || found.owner() == user);
    }

    public String pathOf(Ref<?> item) {
      return path + "/" + item.get();
    }

    public List<CommandSpec<World, Http>> commands() {
      List<CommandSpec<World, Http>> commands = new ArrayList<>();
      commands.add(Command.<World, Http>named("add_" + name).from(from).weight(weights[0])
          .with(payload(createFields))
          .run((http, body) -> http.post(path, body))
          .yields(name, response -> response.status() == created
              ? response.path(idField) : null)
          .expect((world, call, response) -> {
            if (!valid(createFields, call.arg())) {
              Expect.status("add_" + name + " with invalid input", invalid, response);
              return;
            }
            Expect.status("add_" + name, created, response);
            Expect.equal("add_" + name + ": an id in field '" + idField + "'", true,
                response.path(idField) != null, response);
            expectFields("add_" + name, created(call.arg()), response);
          })
          .update((world, call) -> valid(createFields, call.arg())
              ? world.update(key, items -> items.add(call.ref(),
                  new Item(call.user().index(), created(call.arg()))))
              : world));
      commands.add(Command.<World, Http>named("get_" + name).from(from).weight(weights[1])
          .with(knownIds)
          .run((http, item) -> http.get(pathOf(item)))
          .expect((world, call, response) -> {
            if (!visible(world, call.arg(), call.user().index())) {
              Expect.status("get_" + name + " of an item that is gone or not theirs", notFound,
                  response);
              return;
            }
            Expect.status("get_" + name, ok, response);
            expectFields("get_" + name, world.get(key).live().get(call.arg()).fields(), response);
          }));
      if (!editFields.isEmpty()) {
        commands.add(Command.<World, Http>named("edit_" + name).from(from).weight(weights[2])
            .with(knownIds, item -> payload(editFields).map(changes -> new Edit(item, changes)))
            .run((http, edit) -> http.patch(pathOf(edit.item()), edit.changes()))
            .expect((world, call, response) -> {
              Edit edit = call.arg();
              if (!valid(editFields, edit.changes())) {
                Expect.status("edit_" + name + " with invalid input", invalid, response);
              } else if (!visible(world, edit.item(), call.user().index())) {
                Expect.status("edit_" + name + " of an item that is gone or not theirs",
                    notFound, response);
              } else {
                Expect.status("edit_" + name, ok, response);
                expectFields("edit_" + name, edited(world, edit).fields(), response);
              }
            })
            .update((world, call) -> {
              Edit edit = call.arg();
              return valid(editFields, edit.changes())
                  && visible(world, edit.item(), call.user().index())
                  ? world.update(key, items -> items.put(edit.item(), edited(world, edit)))
                  : world;
            }));
      }
      commands.add(Command.<World, Http>named("delete_" + name).from(from).weight(weights[3])
          .with(knownIds)
          .run((http, item) -> http.delete(pathOf(item)))
          .expect((world, call, response) -> Expect.status(
              visible(world, call.arg(), call.user().index())
                  ? "delete_" + name : "delete_" + name + " of an item that is gone or not theirs",
              visible(world, call.arg(), call.user().index()) ? deleted : notFound, response))
          .update((world, call) -> visible(world, call.arg(), call.user().index())
              ? world.update(key, items -> items.remove(call.arg()))
              : world));
      commands.add(Command.<World, Http>named("list_" + name + "s").from(from).weight(weights[4])
          .run((http, none) -> http.get(path))
          .expect((world, call, response) -> {
            Expect.status("list_" + name + "s", ok, response);
            List<Object> expected = new ArrayList<>();
            world.get(key).live().forEach((ref, item) -> {
              if (!owned || item.owner() == call.user().index()) {
                expected.add(ref.get());
              }
            });
            List<?> items = response.path(listItems.isEmpty() ? "" : listItems);
            List<Object> actual = new ArrayList<>();
            if (items != null) {
              for (Object entry : items) {
                actual.add(entry instanceof Map<?, ?> map ? map.get(idField) : null);
              }
            }
            Expect.equal("list_" + name + "s: the ids of " + call.user().name() + "'s items",
                normalize(expected), normalize(actual), response);
          }));
      return commands;
    }

    private Map<String, Object> created(Map<String, Object> sent) {
      Map<String, Object> fields = new LinkedHashMap<>(defaults);
      fields.putAll(sent);
      return fields;
    }

    private Item edited(World world, Edit edit) {
      Item before = world.get(key).live().get(edit.item());
      Map<String, Object> fields = new LinkedHashMap<>(before.fields());
      fields.putAll(edit.changes());
      return new Item(before.owner(), fields);
    }

    private void expectFields(String what, Map<String, Object> fields, Response response) {
      fields.forEach((field, value) ->
          Expect.equal(what + ": field '" + field + "'", value, response.path(field), response));
    }

    private static boolean valid(List<Field> fields, Map<String, Object> payload) {
      for (Field field : fields) {
        if (!field.valid().test(payload.get(field.name()))) {
          return false;
        }
      }
      return true;
    }

    private static Gen<Map<String, Object>> payload(List<Field> fields) {
      return (Choices choices) -> {
        Map<String, Object> body = new LinkedHashMap<>();
        for (Field field : fields) {
          body.put(field.name(), field.gen().generate(choices));
        }
        return Collections.unmodifiableMap(body);
      };
    }

    private static List<String> normalize(List<Object> ids) {
      List<String> out = new ArrayList<>();
      for (Object id : ids) {
        out.add(String.valueOf(id));
      }
      return out;
    }

    /** The user index of the owner of {@code item}, or -1 when it is gone. */
    public int ownerOf(World world, Ref<?> item) {
      Item found = world.get(key).live().get(item);
      return found == null ? -1 : found.owner();
    }
  }
}
