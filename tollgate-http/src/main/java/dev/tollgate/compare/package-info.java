/**
 * Control versus candidate: the same generated programs run against the release now live and the
 * new build, step by step, and any difference in their answers fails the check.
 */
package dev.tollgate.compare;
