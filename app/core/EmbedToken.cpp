#include "EmbedToken.h"
