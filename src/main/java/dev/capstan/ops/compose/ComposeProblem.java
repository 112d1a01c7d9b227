package dev.capstan.ops.compose;

/** A compose file Capstan cannot turn into a task definition, with the sentence that says what to change. */
public final class ComposeProblem extends IllegalArgumentException {
    public ComposeProblem(String sentence) {
        super(sentence);
    }
}
