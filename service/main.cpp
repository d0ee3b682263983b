#include "cli/app.h"

int main(int argc, char** argv) {
    return supervision::cli::main(argc, argv);
}
