#include "QrView.h"
