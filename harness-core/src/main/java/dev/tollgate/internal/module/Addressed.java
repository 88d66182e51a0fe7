package dev.tollgate.internal.module;

import java.net.URI;

/** A system that lives at a base URL, which the reports name (the HTTP module's systems are). */
public interface Addressed {
  URI baseUrl();
}
