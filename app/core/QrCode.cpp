#include "QrCode.h"
