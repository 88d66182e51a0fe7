package dev.tollgate.internal.report;

import dev.tollgate.internal.report.RunRecord.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Lays out the users' state machine as inline SVG: states on an ellipse (two states side by
 * side), one arrow per direction between two states labelled with its commands and how often
 * each ran, and a self-loop, turned away from the centre, for the commands that keep the state.
 */
final class StateDiagram {
  private static final int WIDTH = 1000;
  private static final int NODE_HEIGHT = 44;
  private static final int LINE = 16;
  private static final int FONT = 13;
  /** A generous width per character at 13 px, so an estimated label box holds the drawn one. */
  private static final double CHAR_WIDTH = 8.2;
  private static final int MARGIN = 12;

  private StateDiagram() {}

  /** The box everything drawn lies in; the SVG's viewBox is fitted to it, so nothing is clipped. */
  private static final class Bounds {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;

    void add(double x, double y) {
      minX = Math.min(minX, x);
      minY = Math.min(minY, y);
      maxX = Math.max(maxX, x);
      maxY = Math.max(maxY, y);
    }
  }

  static String svg(List<String> states, List<Transition> transitions) {
    List<String> all = new ArrayList<>(states);
    for (Transition t : transitions) {
      for (String s : List.of(t.from(), t.to())) {
        if (!all.contains(s)) {
          all.add(s);
        }
      }
    }
    int height = all.size() <= 2 ? 260 : 520;
    double cx = WIDTH / 2.0;
    double cy = height / 2.0;
    Map<String, double[]> at = new LinkedHashMap<>();
    for (int i = 0; i < all.size(); i++) {
      if (all.size() == 1) {
        at.put(all.get(i), new double[] {cx, cy});
      } else if (all.size() == 2) {
        at.put(all.get(i), new double[] {i == 0 ? WIDTH * 0.35 : WIDTH * 0.65, cy});
      } else {
        double angle = Math.PI + 2 * Math.PI * i / all.size();
        at.put(all.get(i), new double[] {
            cx + WIDTH * 0.25 * Math.cos(angle), cy + height * 0.32 * Math.sin(angle)});
      }
    }
    Map<String, List<Transition>> edges = new LinkedHashMap<>();
    for (Transition t : transitions) {
      edges.computeIfAbsent(t.from() + "\u0000" + t.to(), k -> new ArrayList<>()).add(t);
    }
    StringBuilder out = new StringBuilder();
    Bounds bounds = new Bounds();
    bounds.add(0, 0);
    bounds.add(WIDTH, height);
    out.append("<title>Users' state machine</title>")
        .append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" ")
        .append("markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\">")
        .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#455a64\"/></marker></defs>");
    for (List<Transition> group : edges.values()) {
      Transition first = group.get(0);
      double[] a = at.get(first.from());
      double[] b = at.get(first.to());
      if (first.from().equals(first.to())) {
        loop(first.from(), a, cx, cy, group, bounds, out);
      } else {
        arrow(first, a, b, group, bounds, out);
      }
    }
    at.forEach((state, p) -> node(state, p, bounds, out));
    double x = Math.floor(bounds.minX - MARGIN);
    double y = Math.floor(bounds.minY - MARGIN);
    double w = Math.ceil(bounds.maxX + MARGIN - x);
    double h = Math.ceil(bounds.maxY + MARGIN - y);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"fsm\" role=\"img\" viewBox=\""
        + f(x) + ' ' + f(y) + ' ' + f(w) + ' ' + f(h) + "\" width=\"" + f(w) + "\" height=\""
        + f(h) + "\">" + out + "</svg>";
  }

  private static double halfWidth(String state) {
    return Math.max(55, state.length() * 4.6 + 18);
  }

  /** How far from the node's centre its border lies in direction (dx, dy), a unit vector. */
  private static double border(String state, double dx, double dy) {
    double rx = halfWidth(state);
    double ry = NODE_HEIGHT / 2.0;
    return 1 / Math.sqrt((dx / rx) * (dx / rx) + (dy / ry) * (dy / ry));
  }

  private static void node(String state, double[] p, Bounds bounds, StringBuilder out) {
    double rx = halfWidth(state);
    bounds.add(p[0] - rx, p[1] - NODE_HEIGHT / 2.0);
    bounds.add(p[0] + rx, p[1] + NODE_HEIGHT / 2.0);
    out.append("<g class=\"state\"><ellipse cx=\"").append(f(p[0])).append("\" cy=\"")
        .append(f(p[1])).append("\" rx=\"").append(f(rx)).append("\" ry=\"")
        .append(NODE_HEIGHT / 2).append("\" fill=\"#e3f2fd\" stroke=\"#1565c0\" stroke-width=\"2\"/>")
        .append("<text x=\"").append(f(p[0])).append("\" y=\"").append(f(p[1] + 5))
        .append("\" text-anchor=\"middle\" font-weight=\"bold\">").append(Html.escape(state))
        .append("</text></g>");
  }

  private static void arrow(Transition t, double[] a, double[] b, List<Transition> group,
      Bounds bounds, StringBuilder out) {
    double dx = b[0] - a[0];
    double dy = b[1] - a[1];
    double length = Math.hypot(dx, dy);
    // Bend to the left of the direction of travel, so A→B and B→A never overlap.
    double nx = dy / length;
    double ny = -dx / length;
    double bend = Math.min(90, length * 0.22);
    double[] control = {(a[0] + b[0]) / 2 + nx * bend * 2, (a[1] + b[1]) / 2 + ny * bend * 2};
    // The ends sit on each node's border, where the curve leaves towards its control point.
    double[] start = onBorder(t.from(), a, control);
    double[] end = onBorder(t.to(), b, control);
    // A quadratic curve lies inside the triangle of its end and control points.
    bounds.add(control[0], control[1]);
    out.append("<path class=\"transition\" d=\"M").append(f(start[0])).append(',').append(f(start[1]))
        .append(" Q").append(f(control[0])).append(',').append(f(control[1])).append(' ')
        .append(f(end[0])).append(',').append(f(end[1]))
        .append("\" fill=\"none\" stroke=\"#455a64\" stroke-width=\"1.6\"").append(dash(group))
        .append(" marker-end=\"url(#arrow)\"/>");
    double lx = 0.25 * start[0] + 0.5 * control[0] + 0.25 * end[0] + nx * 12;
    double ly = 0.25 * start[1] + 0.5 * control[1] + 0.25 * end[1] + ny * 12;
    label(group, lx, ly, anchor(nx), ny, bounds, out);
  }

  private static double[] onBorder(String state, double[] centre, double[] towards) {
    double dx = towards[0] - centre[0];
    double dy = towards[1] - centre[1];
    double length = Math.hypot(dx, dy);
    double r = border(state, dx / length, dy / length) + 2;
    return new double[] {centre[0] + dx / length * r, centre[1] + dy / length * r};
  }

  private static void loop(String state, double[] p, double cx, double cy,
      List<Transition> group, Bounds bounds, StringBuilder out) {
    double dx = p[0] - cx;
    double dy = p[1] - cy;
    double length = Math.hypot(dx, dy);
    double ux = length < 1 ? 0 : dx / length;
    double uy = length < 1 ? -1 : dy / length;
    double spread = 0.45;
    double[] s = rotate(ux, uy, spread);
    double[] e = rotate(ux, uy, -spread);
    double rs = border(state, s[0], s[1]);
    double re = border(state, e[0], e[1]);
    double reach = halfWidth(state) * Math.abs(ux) + NODE_HEIGHT / 2.0 * Math.abs(uy) + 70;
    double[] c1 = rotate(ux, uy, spread * 1.6);
    double[] c2 = rotate(ux, uy, -spread * 1.6);
    // A cubic curve lies inside the hull of its four points.
    bounds.add(p[0] + c1[0] * reach, p[1] + c1[1] * reach);
    bounds.add(p[0] + c2[0] * reach, p[1] + c2[1] * reach);
    out.append("<path class=\"transition self\" d=\"M").append(f(p[0] + s[0] * rs)).append(',')
        .append(f(p[1] + s[1] * rs)).append(" C").append(f(p[0] + c1[0] * reach)).append(',')
        .append(f(p[1] + c1[1] * reach)).append(' ').append(f(p[0] + c2[0] * reach)).append(',')
        .append(f(p[1] + c2[1] * reach)).append(' ').append(f(p[0] + e[0] * re)).append(',')
        .append(f(p[1] + e[1] * re))
        .append("\" fill=\"none\" stroke=\"#455a64\" stroke-width=\"1.6\"").append(dash(group))
        .append(" marker-end=\"url(#arrow)\"/>");
    double lx = p[0] + ux * (reach * 0.8 + 14);
    double ly = p[1] + uy * (reach * 0.8 + 14);
    label(group, lx, ly, anchor(ux), uy, bounds, out);
  }

  private static void label(List<Transition> group, double x, double y, String anchor,
      double vertical, Bounds bounds, StringBuilder out) {
    int lines = group.size();
    double top = vertical > 0.5 ? y + LINE : vertical < -0.5 ? y - (lines - 1) * LINE : y - (lines - 1) * LINE / 2.0 + 4;
    out.append("<text class=\"label\" font-size=\"").append(FONT).append("\" text-anchor=\"")
        .append(anchor).append("\">");
    for (int i = 0; i < lines; i++) {
      Transition t = group.get(i);
      double width = (t.command().length() + 2 + String.valueOf(t.count()).length()) * CHAR_WIDTH;
      double left = anchor.equals("start") ? x : anchor.equals("end") ? x - width : x - width / 2;
      double baseline = top + i * LINE;
      bounds.add(left, baseline - FONT);
      bounds.add(left + width, baseline + 4);
      out.append("<tspan x=\"").append(f(x)).append("\" y=\"").append(f(top + i * LINE))
          .append(t.count() == 0 ? "\" fill=\"#c62828" : "").append("\">")
          .append(Html.escape(t.command())).append(" \u00d7").append(t.count()).append("</tspan>");
    }
    out.append("</text>");
  }

  /** Transitions that never ran are dashed. */
  private static String dash(List<Transition> group) {
    return group.stream().allMatch(t -> t.count() == 0) ? " stroke-dasharray=\"6 4\"" : "";
  }

  private static String anchor(double horizontal) {
    return horizontal > 0.3 ? "start" : horizontal < -0.3 ? "end" : "middle";
  }

  private static double[] rotate(double x, double y, double angle) {
    return new double[] {
        x * Math.cos(angle) - y * Math.sin(angle), x * Math.sin(angle) + y * Math.cos(angle)};
  }

  private static String f(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
