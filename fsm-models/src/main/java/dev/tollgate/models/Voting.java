package dev.tollgate.models;

import dev.tollgate.check.Expect;
import dev.tollgate.http.Http;
import dev.tollgate.model.Command;
import dev.tollgate.model.CommandSpec;
import dev.tollgate.model.Ref;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Voting on a resource's items as a machine: {@code vote_<name>} and {@code unvote_<name>}. Any
 * user may vote once on any live item: a second vote does not count, taking a vote back that
 * was never given changes nothing, and items that are gone answer 404.
 *
 * <pre>{@code
 * Voting votes = Voting.on(todos)                 // PUT and DELETE /todos/{id}/vote
 *     .countField("votes");                       // where the answer gives the new count
 * }</pre>
 */
public final class Voting {
  private final Crud.Resource resource;
  private final Key<Map<Ref<Object>, Set<Integer>>> key;
  private String votePath;
  private String countField = "votes";
  private int ok = 200;
  private int notFound = 404;
  private Object[] from = {};

  private Voting(Crud.Resource resource) {
    this.resource = resource;
    this.key = Key.of(resource.name() + "_votes", Map.of());
    this.votePath = resource.path() + "/{id}/vote";
  }

  public static Voting on(Crud.Resource resource) {
    return new Voting(resource);
  }

  /** The vote path, with {@code {id}} for the item's id (default {@code <resource>/{id}/vote}). */
  public Voting votePath(String template) {
    this.votePath = template;
    return this;
  }

  public Voting countField(String field) {
    this.countField = field;
    return this;
  }

  public Voting statuses(int ok, int notFound) {
    this.ok = ok;
    this.notFound = notFound;
    return this;
  }

  public Voting from(Object... states) {
    this.from = states.clone();
    return this;
  }

  /** Who has voted on {@code item}, as the model knows it. */
  public Set<Integer> voters(World world, Ref<?> item) {
    return world.get(key).getOrDefault(item, Set.of());
  }

  /** How many votes each live item has, as the model knows it, by the item's id. */
  public Map<Object, Integer> counts(World world) {
    Map<Object, Integer> counts = new LinkedHashMap<>();
    for (Ref<Object> item : resource.known(world)) {
      if (resource.live(world, item)) {
        counts.put(item.get(), voters(world, item).size());
      }
    }
    return counts;
  }

  private String pathOf(Ref<?> item) {
    return votePath.replace("{id}", String.valueOf(item.get()));
  }

  public List<CommandSpec<World, Http>> commands() {
    return List.of(command(true), command(false));
  }

  /** {@code vote_<name>} (PUT) or {@code unvote_<name>} (DELETE). */
  private CommandSpec<World, Http> command(boolean vote) {
    String name = (vote ? "vote_" : "unvote_") + resource.name();
    return Command.<World, Http>named(name).from(from)
        .with(resource.known())
        .run((http, item) -> vote ? http.put(pathOf(item), null) : http.delete(pathOf(item)))
        .expect((world, call, response) -> {
          if (!resource.live(world, call.arg())) {
            Expect.status(name + " on an item that is gone", notFound, response);
            return;
          }
          Expect.status(name, ok, response);
          Set<Integer> after = new HashSet<>(voters(world, call.arg()));
          if (vote) {
            after.add(call.user().index());
          } else {
            after.remove(call.user().index());
          }
          Expect.equal(name + ": the count in '" + countField + "'", after.size(),
              response.path(countField), response);
        })
        .update((world, call) -> resource.live(world, call.arg())
            ? change(world, call.arg(), call.user().index(), vote)
            : world);
  }

  private World change(World world, Ref<Object> item, int user, boolean vote) {
    return world.update(key, all -> {
      Map<Ref<Object>, Set<Integer>> next = new LinkedHashMap<>(all);
      Set<Integer> voters = new HashSet<>(all.getOrDefault(item, Set.of()));
      if (vote) {
        voters.add(user);
      } else {
        voters.remove(user);
      }
      next.put(item, Set.copyOf(voters));
      return Map.copyOf(next);
    });
  }
}
