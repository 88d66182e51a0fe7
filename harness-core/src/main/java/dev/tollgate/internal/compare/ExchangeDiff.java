package dev.tollgate.internal.compare;

import dev.tollgate.report.Exchange;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Compares what a control and a candidate answered to one step. The HTTP module's compares JSON
 * bodies structurally; {@code candidateToControl} maps the candidate's reference values (ids) to
 * the control's.
 */
public interface ExchangeDiff {

  /** The first difference between the two steps' exchanges, in order, or empty. */
  Optional<Difference> compare(
      List<Exchange> control, List<Exchange> candidate, UnaryOperator<String> candidateToControl);

  /** The first difference: where it is, and what each side had there. */
  record Difference(String where, String control, String candidate) {
    /** {@code where} with array indexes as {@code [*]}, so a shrunk list keeps the signature. */
    public String kind() {
      return where.replaceAll("\\[\\d+]", "[*]");
    }
  }
}
