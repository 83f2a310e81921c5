package io.runplan.domain;

import java.util.EnumMap;
import java.util.Map;

/** Soft rule weights of one plan (docs/plan-format.md {@code weights}); 0 switches a rule off. */
public final class Weights {

    public static final Weights DEFAULT = new Weights(Map.of());

    private final Map<Rule, Integer> weights = new EnumMap<>(Rule.class);

    public Weights(Map<Rule, Integer> overrides) {
        for (Rule rule : Rule.values()) {
            if (rule.level() == Rule.Level.SOFT) {
                weights.put(rule, overrides.getOrDefault(rule, rule.defaultWeight()));
            }
        }
    }

    public int of(Rule rule) {
        Integer weight = weights.get(rule);
        if (weight == null) {
            throw new IllegalArgumentException(rule.ruleName() + " is not a soft rule");
        }
        return weight;
    }

    public Map<Rule, Integer> asMap() {
        return Map.copyOf(weights);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Weights other && weights.equals(other.weights);
    }

    @Override
    public int hashCode() {
        return weights.hashCode();
    }
}
