const { serverProject } = require('../../../jest.shared');

module.exports = serverProject('server-seed', __dirname);
