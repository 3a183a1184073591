#include "Jwt.h"
