package dev.capstan.ops.branch;

/** The branch environment to remove, by name: its resources are found by their tags, whoever made them. */
public record BranchDestroyRequest(String name) {
    public BranchDestroyRequest {
        BranchNames.check(name);
    }
}
