enum SkeletonPlaceholder {}
