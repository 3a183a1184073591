#include "DemoServer.h"
