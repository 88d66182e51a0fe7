package dev.tollgate.model;

/** Something that describes a command: a command builder at any stage. */
public interface CommandSpec<M, S> {
  /** The finished command; throws a configuration error naming what is missing. */
  Command<M, S> toCommand();
}
