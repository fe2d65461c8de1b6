// Anchor for the static library that carries the embedded .qm files. Executables call this
// so the linker keeps the resource initialiser.
#include <QtGlobal>

void signoffLinkTranslations() {}
