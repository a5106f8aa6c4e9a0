// The Android library (AAR) of rakt. NOT BUILT OR TESTED in rakt's CI: the machines that run it
// cannot obtain an Android NDK or SDK. See build-aar.sh and ../README.md ("Android").
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}
dependencyResolutionManagement {
    repositories {
        google()
        mavenCentral()
    }
}
rootProject.name = "rakt-android"
